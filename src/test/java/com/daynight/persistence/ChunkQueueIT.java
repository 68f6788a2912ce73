package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.persistence.ChunkQueue.ChunkClaim;
import com.daynight.persistence.ChunkQueue.Completion;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chunks of a service claimed by several instances: leases, fencing tokens, the last chunk finishing once. */
class ChunkQueueIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private TestDatabase db;
    private TestTables tables;
    private WorkQueue queue;
    private ChunkQueue chunks;
    private ChunkListing listing;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        tables = new TestTables(db.dataSource());
        queue = new WorkQueue(db.dataSource());
        chunks = queue.chunks();
        listing = queue.listing();
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    /** A service listed by "lister" into {@code count} chunks of one image each, named a000, a001, ... */
    private void listed(String id, int count) throws Exception {
        tables.insertQueued(id, "Ann", "holiday");
        assertEquals(id, queue.claimNext("lister", LEASE).orElseThrow().serviceId());
        listing.resume(id, "lister");
        for (int i = 0; i < count - 1; i++) {
            assertTrue(listing.cut(id, "lister", i, i == 0 ? null : name(i), name(i + 1), i + 1));
        }
        assertEquals(ChunkListing.Ending.LISTED, listing.end(id, "lister", count - 1, name(count - 1), 1, count));
    }

    private static String name(int i) {
        return String.format("a%03d.jpg", i);
    }

    private static List<ImageResult> resultFor(int i) {
        return List.of(ImageResult.classified(name(i), i % 2 == 0 ? Label.DAY : Label.NIGHT, 0.5));
    }

    @Test
    void chunksAreCutWhileListingAndTheKnownTotalGrowsUntilTheListingIsDone() throws Exception {
        tables.insertQueued("GROW0001", "Ann", "holiday");
        queue.claimNext("lister", LEASE).orElseThrow();
        listing.resume("GROW0001", "lister");
        assertTrue(listing.cut("GROW0001", "lister", 0, null, "b.jpg", 1000));
        assertEquals(1000, tables.find("GROW0001").orElseThrow().total());
        assertEquals("0", db.query("SELECT ListingDone FROM services WHERE ServiceID = 'GROW0001'"));
        ChunkClaim first = chunks.claimNext("worker", LEASE).orElseThrow();
        assertEquals(ServiceStatus.STARTED, tables.find("GROW0001").orElseThrow().status(), "chunk 0 starts at once");
        assertNotNull(tables.find("GROW0001").orElseThrow().startTime());
        assertEquals(null, first.first());
        assertEquals("b.jpg", first.endBefore());
        assertTrue(queue.claimNext("other", LEASE).isEmpty(), "the lister's claim is live");
        assertFalse(listing.cut("GROW0001", "other", 1, "b.jpg", "c.jpg", 2000), "only the lister cuts");

        // the lister crashed: another instance lists on from the last cut, not from the start
        db.execute("UPDATE services SET HeartbeatAt = HeartbeatAt - INTERVAL 60 SECOND");
        assertEquals("GROW0001", queue.claimNext("second", LEASE).orElseThrow().serviceId());
        assertEquals(new ChunkListing.ListingPoint(1, "b.jpg", 1000), listing.resume("GROW0001", "second"));
        assertFalse(listing.cut("GROW0001", "lister", 1, "b.jpg", "c.jpg", 2000), "the old lister is fenced off");
        assertEquals(ChunkListing.Ending.LISTED, listing.end("GROW0001", "second", 1, "b.jpg", 10, 1010));
        assertEquals("1", db.query("SELECT ListingDone FROM services WHERE ServiceID = 'GROW0001'"));
        assertEquals(1010, tables.find("GROW0001").orElseThrow().total());
        assertTrue(queue.claimNext("third", LEASE).isEmpty(), "a listed service is not listed again");
    }

    @Test
    void concurrentInstancesNeverTakeTheSameChunk() throws Exception {
        listed("RACE0001", 40);
        listed("RACE0002", 40);
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        // chunk 0 of every service comes before chunk 1 of any: a service behind a big one starts at once
        claimed.add(chunks.claimNext("early", LEASE).orElseThrow().key());
        claimed.add(chunks.claimNext("early", LEASE).orElseThrow().key());
        assertEquals(Set.of("RACE0001#0", "RACE0002#0"), Set.copyOf(claimed));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String owner = "instance-" + w;
            workers.add(pool.submit(() -> {
                Optional<ChunkClaim> next;
                while ((next = chunks.claimNext(owner, LEASE)).isPresent()) {
                    claimed.add(next.get().key());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        assertEquals(80, claimed.size(), "every chunk claimed: " + claimed);
        assertEquals(80, new HashSet<>(claimed).size(), "no chunk claimed twice");
    }

    @Test
    void aChunkWhoseOwnerStoppedHeartbeatingIsTakenAgainAndTheOldOwnerIsFencedOff() throws Exception {
        listed("DEAD0001", 2);
        ChunkClaim crashed = chunks.claimNext("crashed", LEASE).orElseThrow();
        assertTrue(chunks.appendResults(crashed, 0, resultFor(0)));
        ChunkClaim other = chunks.claimNext("crashed", LEASE).orElseThrow();
        assertEquals(1, other.chunkNo());
        assertTrue(chunks.claimNext("rescuer", LEASE).isEmpty(), "live claims are not taken");

        db.execute("UPDATE service_chunks SET HeartbeatAt = HeartbeatAt - INTERVAL 60 SECOND WHERE ChunkNo = 0");
        // the same instance takes it again (another of its threads): the token fences the first claim off too
        ChunkClaim taken = chunks.claimNext("crashed", LEASE).orElseThrow();
        assertEquals(0, taken.chunkNo());
        assertEquals(1, taken.done());
        assertEquals(name(0), taken.lastDone());
        assertFalse(chunks.heartbeat(crashed));
        assertFalse(chunks.appendResults(crashed, 1, resultFor(1)));
        assertEquals(Completion.LOST, chunks.complete(crashed));
        assertFalse(chunks.release(crashed));
        assertTrue(chunks.heartbeat(taken));
        assertEquals(Completion.DONE, chunks.complete(taken));
        assertTrue(chunks.appendResults(other, 0, resultFor(1)));
        assertEquals(Completion.SERVICE_FINISHED, chunks.complete(other));
        ServiceRecord done = tables.find("DEAD0001").orElseThrow();
        assertEquals(ServiceStatus.FINISHED, done.status());
        assertEquals(List.of(name(0), name(1)), tables.results("DEAD0001").stream().map(ImageResult::image).toList());
    }

    @Test
    void theLastChunksCompletedAtOnceFinishTheServiceExactlyOnceWithResultsInListingOrder() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = String.format("LAST%04d", round);
            listed(id, 8);
            List<ChunkClaim> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ChunkClaim claim = chunks.claimNext("instance-" + i, LEASE).orElseThrow();
                assertTrue(chunks.appendResults(claim, 0, resultFor(claim.chunkNo())));
                claims.add(claim);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Completion>> completions = new ArrayList<>();
            for (ChunkClaim claim : claims) {
                completions.add(pool.submit(() -> {
                    go.await();
                    return chunks.complete(claim);
                }));
            }
            go.countDown();
            int finished = 0;
            for (Future<Completion> completion : completions) {
                finished += completion.get() == Completion.SERVICE_FINISHED ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, finished, "exactly one instance finishes the service");
            assertEquals(ServiceStatus.FINISHED, tables.find(id).orElseThrow().status());
            String document = tables.storedDocument(id).orElseThrow();
            for (int i = 1; i < 8; i++) {
                assertTrue(document.indexOf(name(i - 1)) < document.indexOf(name(i)), "listing order: " + document);
            }
        }
    }

    @Test
    void chunksFinishedBeforeTheListingEndsAreFinishedByTheLister() throws Exception {
        tables.insertQueued("EARLY001", "Ann", "holiday");
        queue.claimNext("lister", LEASE).orElseThrow();
        listing.resume("EARLY001", "lister");
        assertTrue(listing.cut("EARLY001", "lister", 0, null, name(1), 1));
        ChunkClaim chunk = chunks.claimNext("worker", LEASE).orElseThrow();
        assertTrue(chunks.appendResults(chunk, 0, resultFor(0)));
        assertEquals(Completion.DONE, chunks.complete(chunk), "the listing is not done: the total may grow");
        assertEquals(ChunkListing.Ending.SERVICE_FINISHED, listing.end("EARLY001", "lister", 1, name(1), 0, 1));
        assertEquals(ServiceStatus.FINISHED, tables.find("EARLY001").orElseThrow().status());
        assertEquals(1, tables.find("EARLY001").orElseThrow().total());
    }

    @Test
    void aFailedServiceDropsItsOpenChunks() throws Exception {
        listed("GONE0001", 3);
        ChunkClaim chunk = chunks.claimNext("worker", LEASE).orElseThrow();
        assertTrue(chunks.failService(chunk, "the bucket is gone"));
        assertEquals(ServiceStatus.FAILED, tables.find("GONE0001").orElseThrow().status());
        assertTrue(chunks.claimNext("worker", LEASE).isEmpty(), "nothing of a failed service is claimed");
    }
}
