package com.daynight.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.persistence.ChunkListing;
import com.daynight.persistence.ChunkQueue;
import com.daynight.persistence.TestTables;
import com.daynight.persistence.TestDatabase;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workers against a real MariaDB, with buckets in memory and a stand-in classifier. */
class WorkerPoolIT {

    private static final Duration LEASE = Duration.ofSeconds(4);

    private TestDatabase db;
    private TestTables repository;
    private WorkQueue queue;
    private final InMemoryImageStore store = new InMemoryImageStore();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        repository = new TestTables(db.dataSource());
        queue = new WorkQueue(db.dataSource());
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    /** "Pictures" whose first byte says day (1) or night (0); "broken" ones cannot be decoded. */
    private static DayNightClassifier classifier(long millisPerImage) throws Exception {
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenAnswer(call -> {
            byte[] bytes = call.getArgument(0);
            Thread.sleep(millisPerImage);
            if (bytes.length == 0) {
                throw new ImageDecodeException("not a decodable JPEG");
            }
            return bytes[0] == 1 ? new Prediction(Label.DAY, 0.9) : new Prediction(Label.NIGHT, 0.8);
        });
        return classifier;
    }

    private void fillBucket(String bucket, int count) {
        for (int i = 0; i < count; i++) {
            store.put(bucket, String.format("img-%04d.jpg", i), new byte[] {(byte) (i % 2)});
        }
    }

    private WorkerPool pool(String owner, int workers, long millisPerImage) throws Exception {
        WorkerPool pool = new WorkerPool(queue, store, classifier(millisPerImage), owner, workers, LEASE);
        pool.start();
        return pool;
    }

    private ServiceRecord awaitStatus(String id, Predicate<ServiceRecord> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceRecord service = repository.find(id).orElseThrow();
        while (!done.test(service) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            service = repository.find(id).orElseThrow();
        }
        assertTrue(done.test(service), "timed out; service is " + service);
        return service;
    }

    @Test
    void classifiesEveryImageInListingOrderWithAnEntryForEachBrokenOne() throws Exception {
        fillBucket("holiday", 30);
        store.put("holiday", "img-0005.jpg", new byte[0]);
        store.makeUnreadable("img-0007.jpg");
        repository.insertQueued("RUN00001", "Ann", "holiday");

        try (WorkerPool pool = pool("solo", 2, 0)) {
            ServiceRecord done = awaitStatus("RUN00001", s -> s.status().isDone(), Duration.ofSeconds(20));
            assertEquals(ServiceStatus.FINISHED, done.status());
            assertNotNull(done.startTime());
            assertFalse(done.endTime().isBefore(done.startTime()));
            assertEquals(30, done.total());
        }
        List<ImageResult> results = repository.results("RUN00001");
        assertEquals(30, results.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(String.format("img-%04d.jpg", i), results.get(i).image());
        }
        assertEquals("night", results.get(0).result());
        assertEquals("day", results.get(1).result());
        assertEquals(ImageResult.failed("img-0005.jpg", "not a decodable JPEG"), results.get(5));
        assertEquals("error", results.get(7).result());
        String error = ((ImageResult.Failed) results.get(7)).error();
        assertTrue(error.contains("no longer exists"), error);
    }

    @Test
    void untilNoWorkLeftTheClaimersEndWhenNothingIsClaimableAndTakeWhatArrivesWhileOneStillWorks() throws Exception {
        fillBucket("slow", 100); // 100 pictures x 50 ms on one classifying thread: about 5 s
        fillBucket("quick", 5);
        repository.insertQueued("DRAIN001", "Ann", "slow");
        WorkerPool pool = new WorkerPool(queue, store, classifier(50), "drainer", 1, LEASE);
        try {
            pool.startUntilNoWorkLeft();
            awaitStatus("DRAIN001", s -> s.done() > 0, Duration.ofSeconds(20));
            // The other claimer found nothing before, but one claimer is busy: it keeps polling and takes this.
            repository.insertQueued("DRAIN002", "Ann", "quick");
            assertTimeoutPreemptively(Duration.ofSeconds(60), pool::awaitClaimers, "the claimers did not end");
        } finally {
            pool.close();
        }
        ServiceRecord slow = repository.find("DRAIN001").orElseThrow();
        ServiceRecord quick = repository.find("DRAIN002").orElseThrow();
        assertEquals(ServiceStatus.FINISHED, slow.status());
        assertEquals(ServiceStatus.FINISHED, quick.status());
        assertTrue(quick.endTime().isBefore(slow.endTime()), "taken while the slow one still ran");
        assertEquals(100, repository.results("DRAIN001").size());
    }

    @Test
    void aMissingBucketFailsTheServiceWithTheTextUsersReadForEveryUnavailableBucket() throws Exception {
        repository.insertQueued("RUN00002", "Ann", "nowhere");
        try (WorkerPool pool = pool("solo", 1, 0)) {
            ServiceRecord failed = awaitStatus("RUN00002", s -> s.status().isDone(), Duration.ofSeconds(20));
            assertEquals(ServiceStatus.FAILED, failed.status());
            // The real reason ("does not exist") goes to the log only.
            assertEquals(com.daynight.storage.BucketUnavailableException.USER_MESSAGE, failed.error());
        }
    }

    @Test
    void anEmptyBucketFinishesWithNoResults() throws Exception {
        store.createBucket("empty");
        repository.insertQueued("RUN00003", "Ann", "empty");
        try (WorkerPool pool = pool("solo", 1, 0)) {
            assertEquals(ServiceStatus.FINISHED,
                    awaitStatus("RUN00003", s -> s.status().isDone(), Duration.ofSeconds(20)).status());
        }
        assertTrue(repository.results("RUN00003").isEmpty());
    }

    @Test
    void aServiceStoppedByShutdownIsHandedBackAndCompletedByAnotherInstanceWithNothingLostOrDoubled()
            throws Exception {
        fillBucket("big", 120);
        repository.insertQueued("RUN00004", "Ann", "big");

        WorkerPool first = pool("first", 1, 15);
        awaitStatus("RUN00004", s -> s.done() >= 20, Duration.ofSeconds(30));
        long stopStarted = System.nanoTime();
        first.stop(Duration.ofSeconds(8));
        long stopMillis = (System.nanoTime() - stopStarted) / 1_000_000;
        assertTrue(stopMillis < 3_000, "stopped in " + stopMillis + " ms");

        ServiceRecord handedBack = repository.find("RUN00004").orElseThrow();
        assertEquals(ServiceStatus.STARTED, handedBack.status());
        assertTrue(handedBack.done() < 120, "stopped midway: " + handedBack.done());

        try (WorkerPool second = pool("second", 1, 0)) {
            awaitStatus("RUN00004", s -> s.status().isDone(), Duration.ofSeconds(20));
        }
        assertExactlyOneEntryPerImage("RUN00004", 120);
        assertEquals(handedBack.startTime(), repository.find("RUN00004").orElseThrow().startTime(),
                "ServiceStartTime is when the first image started, not when the service resumed");
    }

    @Test
    void aChunkWhoseOwnerCrashedResumesAfterTheResultsItKeptWithoutListingThemAgain() throws Exception {
        fillBucket("resume", 40);
        repository.insertQueued("RUN00005", "Ann", "resume");
        // The crashed instance listed the bucket into chunks of 20, then recorded two results of chunk 0.
        queue.claimNext("crashed", LEASE).orElseThrow();
        ChunkListing listing = queue.listing();
        assertEquals(new ChunkListing.ListingPoint(0, null, 0), listing.resume("RUN00005", "crashed"));
        assertTrue(listing.cut("RUN00005", "crashed", 0, null, "img-0020.jpg", 20));
        assertEquals(ChunkListing.Ending.LISTED, listing.end("RUN00005", "crashed", 1, "img-0020.jpg", 20, 40));
        ChunkQueue.ChunkClaim chunk = queue.chunks().claimNext("crashed", LEASE).orElseThrow();
        assertEquals(0, chunk.chunkNo());
        assertTrue(queue.chunks().appendResults(chunk, 0, List.of(
                ImageResult.classified("img-0000.jpg", Label.NIGHT, 0.123),
                ImageResult.classified("img-0001.jpg", Label.DAY, 0.456))));
        db.execute("UPDATE service_chunks SET HeartbeatAt = HeartbeatAt - INTERVAL 60 SECOND");
        int listedBefore = store.namesListed();
        int callsBefore = store.listCalls();

        try (WorkerPool rescuer = pool("rescuer", 1, 0)) {
            awaitStatus("RUN00005", s -> s.status().isDone(), Duration.ofSeconds(20));
        }
        assertExactlyOneEntryPerImage("RUN00005", 40);
        assertEquals(0.456, ((ImageResult.Classified) repository.results("RUN00005").get(1)).confidence(),
                "kept, not recomputed");
        assertEquals(2, store.listCalls() - callsBefore, "one listing per chunk, none of the bucket");
        // chunk 0 from its last name done (the store lists from it inclusive), chunk 1 whole
        assertEquals(19 + 20, store.namesListed() - listedBefore, "nothing done is listed again");
        assertFalse(queue.chunks().appendResults(chunk, 2, List.of(ImageResult.failed("img-0002.jpg", "late"))),
                "the crashed owner is fenced off");
    }

    @Test
    void aStorageOutageMidwayKeepsTheResultsSoFarAndTheServiceIsResumedAfterABackoff() throws Exception {
        fillBucket("dim", 60);
        store.goDarkAt("img-0030.jpg");
        repository.insertQueued("RUN00006", "Ann", "dim");

        try (WorkerPool pool = pool("solo", 1, 0)) {
            awaitStatus("RUN00006", s -> s.done() == 30, Duration.ofSeconds(20));
            String notBefore = "SELECT NotBefore FROM service_chunks WHERE ServiceID = 'RUN00006'";
            for (int i = 0; i < 200 && db.query(notBefore).equals("null"); i++) {
                Thread.sleep(50);
            }
            assertFalse(db.query(notBefore).equals("null"), "postponed");
            ServiceRecord postponed = repository.find("RUN00006").orElseThrow();
            assertEquals(ServiceStatus.STARTED, postponed.status(), "not failed: storage may come back");
            // a retake would count an attempt and postpone again (a later NotBefore): neither may change
            String claimState = "SELECT CONCAT(Attempts, ' ', NotBefore) FROM service_chunks WHERE ServiceID = 'RUN00006'";
            String before = db.query(claimState);
            Thread.sleep(1_500);
            assertEquals(before, db.query(claimState), "nobody takes it before the backoff");
            assertEquals(30, repository.find("RUN00006").orElseThrow().done());

            store.recover();
            db.execute("UPDATE service_chunks SET NotBefore = UTC_TIMESTAMP(3) WHERE ServiceID = 'RUN00006'");
            awaitStatus("RUN00006", s -> s.status().isDone(), Duration.ofSeconds(20));
        }
        assertExactlyOneEntryPerImage("RUN00006", 60);
        assertTrue(repository.results("RUN00006").stream().noneMatch(r -> r.result().equals("error")),
                "an outage is not a broken image");
    }

    private void assertExactlyOneEntryPerImage(String id, int count) throws Exception {
        ServiceRecord service = repository.find(id).orElseThrow();
        assertEquals(ServiceStatus.FINISHED, service.status());
        assertNull(service.error());
        List<ImageResult> results = repository.results(id);
        assertEquals(count, results.size());
        for (int i = 0; i < count; i++) {
            assertEquals(String.format("img-%04d.jpg", i), results.get(i).image());
        }
        String document = repository.storedDocument(id).orElseThrow();
        assertEquals(count, document.split("\"image\"").length - 1);
        assertTrue(document.contains(id));
    }
}
