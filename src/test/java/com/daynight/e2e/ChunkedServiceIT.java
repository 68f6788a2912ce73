package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.job.WorkerPool;
import com.daynight.persistence.TestDatabase;
import com.daynight.persistence.TestTables;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.daynight.storage.LocalImageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local bucket of 100,000 tiny JPEGs, one service, three instances (WorkerPools in this JVM, each with its own
 * threads and connections, one database): all three work on its chunks, every picture gets exactly one entry in
 * listing order, and the service is finished once. The time is printed.
 */
class ChunkedServiceIT {

    private static final int OBJECTS = 100_000;
    private static final int CHUNK_SIZE = 1_000;
    private static final Duration LEASE = Duration.ofSeconds(10);

    @TempDir
    Path work;

    @Test
    void aHundredThousandObjectsOverThreeInstancesEachPictureOnceInListingOrder() throws Exception {
        Path bucket = Files.createDirectories(work.resolve("buckets").resolve("hundred-thousand"));
        List<byte[]> pictures = TinyJpegs.create();
        for (int i = 0; i < OBJECTS; i++) {
            Files.write(bucket.resolve(name(i)), pictures.get(i % pictures.size()));
        }
        // A stand-in answers at once: with the real model this machine classified ~150 pictures/s, 11 min in all.
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenReturn(new Prediction(Label.DAY, 0.9));
        LocalImageStore store = new LocalImageStore(work.resolve("buckets"));
        try (TestDatabase db = TestDatabase.create()) {
            TestTables tables = new TestTables(db.dataSource());
            tables.insertQueued("HUNDREDK", "Big", "hundred-thousand");
            long started = System.nanoTime();
            List<WorkerPool> instances = new ArrayList<>();
            Set<String> owners = new HashSet<>();
            ServiceRecord service;
            try {
                for (int i = 1; i <= 3; i++) {
                    WorkerPool pool = new WorkerPool(new WorkQueue(db.dataSource()), store, classifier,
                            "instance-" + i, 1, LEASE, CHUNK_SIZE);
                    pool.start();
                    instances.add(pool);
                }
                do {
                    Thread.sleep(500);
                    owners.addAll(List.of(db.query("SELECT COALESCE(GROUP_CONCAT(DISTINCT ClaimedBy), '')"
                            + " FROM service_chunks WHERE ClaimedBy IS NOT NULL").split(",")));
                    service = tables.find("HUNDREDK").orElseThrow();
                    assertTrue(System.nanoTime() - started < Duration.ofMinutes(8).toNanos(), "too slow: " + service);
                } while (!service.status().isDone());
            } finally {
                instances.forEach(WorkerPool::close);
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            owners.remove("");
            System.out.printf("chunked service: %,d objects, chunks of %,d, three instances (WORKERS=1 each):"
                    + " finished in %d s; instances seen holding chunks: %s%n", OBJECTS, CHUNK_SIZE, seconds, owners);

            assertEquals(ServiceStatus.FINISHED, service.status());
            assertEquals(Set.of("instance-1", "instance-2", "instance-3"), owners, "every instance worked on it");
            assertEquals(OBJECTS, service.total());
            List<ImageResult> results = tables.results("HUNDREDK");
            assertEquals(OBJECTS, results.size());
            for (int i = 0; i < OBJECTS; i++) {
                assertEquals(name(i), results.get(i).image(), "listing order");
                assertTrue(!results.get(i).result().equals("error"), results.get(i).toString());
            }
            assertEquals(String.valueOf(OBJECTS / CHUNK_SIZE),
                    db.query("SELECT COUNT(*) FROM service_chunks WHERE Status = 'done'"));
            String document = tables.storedDocument("HUNDREDK").orElseThrow();
            assertTrue(document.contains("\"Status\"") || document.contains("HUNDREDK"), "the row holds its document");
        }
    }

    private static String name(int i) {
        return String.format("frame-%06d.jpg", i);
    }
}
