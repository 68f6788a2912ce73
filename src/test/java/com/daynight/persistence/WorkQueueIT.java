package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkQueueIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private TestDatabase db;
    private TestTables repository;
    private WorkQueue queue;

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

    @Test
    void concurrentWorkersNeverTakeTheSameService() throws Exception {
        for (int i = 0; i < 60; i++) {
            repository.insertQueued(String.format("RACE%04d", i), "Ann", "holiday");
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String owner = "worker-" + w;
            workers.add(pool.submit(() -> {
                Optional<ServiceRecord> next;
                while ((next = queue.claimNext(owner, LEASE)).isPresent()) {
                    claimed.add(next.get().serviceId());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertEquals(60, claimed.size(), "every service claimed once: " + claimed);
        assertEquals(60, new HashSet<>(claimed).size(), "no service claimed twice");
    }

    @Test
    void aServiceWhoseWorkerStoppedHeartbeatingIsTakenAgainAndTheOldOwnerIsFencedOff() throws Exception {
        repository.insertQueued("DEAD0001", "Ann", "holiday");
        assertTrue(queue.claimNext("crashed", LEASE).isPresent());
        assertTrue(queue.markStarted("DEAD0001", "crashed"));
        assertTrue(queue.appendResults("DEAD0001", "crashed", 0, List.of(ImageResult.classified("a.jpg", Label.DAY, 0.9))));
        assertTrue(queue.claimNext("rescuer", LEASE).isEmpty(), "a live claim is not taken");

        db.execute("UPDATE services SET HeartbeatAt = HeartbeatAt - INTERVAL 60 SECOND WHERE ServiceID = 'DEAD0001'");

        ServiceRecord taken = queue.claimNext("rescuer", LEASE).orElseThrow();
        assertEquals("DEAD0001", taken.serviceId());
        assertEquals(ServiceStatus.STARTED, taken.status());
        assertFalse(queue.appendResults("DEAD0001", "crashed", 1, List.of(ImageResult.failed("b.jpg", "late"))));
        assertFalse(queue.heartbeat("DEAD0001", "crashed"));
        assertFalse(queue.finish("DEAD0001", "crashed"));
        assertTrue(queue.heartbeat("DEAD0001", "rescuer"));
    }

    @Test
    void finishingWritesStatusEndTimeAndTheDocumentTogether() throws Exception {
        repository.insertQueued("DONE0001", "Michael Jordan", "holiday");
        queue.claimNext("me", LEASE).orElseThrow();
        queue.setTotal("DONE0001", "me", 2);
        queue.markStarted("DONE0001", "me");
        queue.appendResults("DONE0001", "me", 0, List.of(
                ImageResult.classified("mypic1.jpg", Label.DAY, 0.97),
                ImageResult.failed("broken.jpg", "not a decodable JPEG")));
        assertTrue(queue.finish("DONE0001", "me"));

        ServiceRecord done = repository.find("DONE0001").orElseThrow();
        assertEquals(ServiceStatus.FINISHED, done.status());
        assertNotNull(done.startTime());
        assertNotNull(done.endTime());
        assertFalse(done.endTime().isBefore(done.startTime()));
        assertEquals(2, done.done());
        JsonNode doc = new ObjectMapper().readTree(repository.storedDocument("DONE0001").orElseThrow())
                .get("serviceResults");
        assertEquals("Michael Jordan", doc.get("UserName").asText());
        assertEquals("DONE0001", doc.get("ServiceId").asText());
        assertEquals("mypic1.jpg", doc.get("Results").get(0).get("image").asText());
        assertEquals("error", doc.get("Results").get(1).get("result").asText());
        assertEquals("not a decodable JPEG", doc.get("Results").get(1).get("error").asText());
        assertTrue(queue.claimNext("me", LEASE).isEmpty(), "a finished service is not claimed again");
    }

    @Test
    void failingRecordsTheReason() throws Exception {
        repository.insertQueued("FAIL0001", "Ann", "missing");
        queue.claimNext("me", LEASE).orElseThrow();
        assertTrue(queue.fail("FAIL0001", "me", "bucket 'missing' does not exist"));

        ServiceRecord failed = repository.find("FAIL0001").orElseThrow();
        assertEquals(ServiceStatus.FAILED, failed.status());
        assertEquals("bucket 'missing' does not exist", failed.error());
    }

    @Test
    void aReleasedServiceIsTakenAtOnceAndTheReleaseIsNotCountedAsAnAttempt() throws Exception {
        repository.insertQueued("RELS0001", "Ann", "holiday");
        for (int i = 0; i < WorkQueue.MAX_ATTEMPTS + 2; i++) {
            queue.claimNext("owner-" + i, LEASE).orElseThrow();
            assertTrue(queue.release("RELS0001", "owner-" + i));
        }
        assertEquals("RELS0001", queue.claimNext("last", LEASE).orElseThrow().serviceId());
    }

    @Test
    void aServiceThatKeepsCrashingItsWorkersIsGivenUp() throws Exception {
        repository.insertQueued("POISON01", "Ann", "holiday");
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < WorkQueue.MAX_ATTEMPTS; i++) {
            owners.add(queue.claimNext("crash-" + i, LEASE).orElseThrow().serviceId());
            db.execute("UPDATE services SET HeartbeatAt = HeartbeatAt - INTERVAL 60 SECOND");
        }
        assertTrue(queue.claimNext("next", LEASE).isEmpty());
        ServiceRecord given = repository.find("POISON01").orElseThrow();
        assertEquals(ServiceStatus.FAILED, given.status());
        assertTrue(given.error().contains("interrupted"), given.error());
    }

    @Test
    void aPostponedServiceWaitsOutItsBackoffWhichDoublesAndAnEndlessOutageFailsItWithTheProblem() throws Exception {
        repository.insertQueued("DARK0001", "Ann", "holiday");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < WorkQueue.MAX_ATTEMPTS; i++) {
            assertTrue(queue.claimNext("worker", LEASE).isPresent(), "attempt " + (i + 1));
            assertTrue(queue.postpone("DARK0001", "worker", "storage is not answering (HTTP 503)"));
            assertTrue(queue.claimNext("worker", LEASE).isEmpty(), "not taken before its time");
            delays.add(Long.parseLong(db.query("SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), NotBefore)"
                    + " / 1000000) FROM services WHERE ServiceID = 'DARK0001'")));
            db.execute("UPDATE services SET NotBefore = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND");
        }
        assertEquals(List.of(15L, 30L, 60L, 120L, 240L), delays);
        assertEquals(ServiceStatus.QUEUED, repository.find("DARK0001").orElseThrow().status(),
                "postponing before the first image leaves it queued");

        assertTrue(queue.claimNext("worker", LEASE).isEmpty());
        ServiceRecord given = repository.find("DARK0001").orElseThrow();
        assertEquals(ServiceStatus.FAILED, given.status());
        assertEquals("processing was interrupted 5 times; given up; last problem: storage is not answering (HTTP 503)",
                given.error());
    }

    @Test
    void onlyTheOwnerCanPostpone() throws Exception {
        repository.insertQueued("DARK0002", "Ann", "holiday");
        queue.claimNext("owner", LEASE).orElseThrow();
        assertFalse(queue.postpone("DARK0002", "intruder", "whatever"));
        assertTrue(queue.claimNext("other", LEASE).isEmpty(), "the owner's claim stands");
    }
}
