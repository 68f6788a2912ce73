package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestTables;
import com.daynight.persistence.TestDatabase;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.daynight.storage.FakeGcsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket of 100,000 objects (small generated JPEGs in the in-process GCS stand-in, 1,000 a listing page as
 * GCS pages) worked off by the real jar in a JVM limited to a small heap: it finishes with one entry per object
 * in listing order; the live heap stays flat; the bucket is listed once by the lister (which cuts chunks as it
 * goes) and once more, chunk by chunk, by the work, never a third time; results come while the lister is still
 * listing; the known total only grows, to the bucket's size; progress moves steadily. The figures are printed.
 */
class LargeBucketIT {

    private static final int OBJECTS = 100_000;
    private static final int PAGES = OBJECTS / 1_000;
    private static final String MAX_HEAP = "128m";
    private static final String BUCKET = "hundred-thousand";

    @TempDir
    Path work;

    /**
     * What the test saw at one moment: listing pages served so far, then the service's row; {@code afterCollection}:
     * the first sample after a requested full GC, which stopped the sampling for as long as it took.
     */
    private record Sample(long atNanos, int pagesServed, long done, Long total, boolean listed,
                          ServiceStatus status, boolean afterCollection) {
    }

    @Test
    void aHundredThousandObjectsWithFlatMemoryAStreamedListingAndSteadyProgress() throws Exception {
        List<byte[]> pictures = TinyJpegs.create();
        Path gcLog = Path.of("target", "e2e-logs", "large-bucket-gc-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(gcLog.getParent());
        try (TestDatabase db = TestDatabase.create();
             FakeGcsServer gcs = FakeGcsServer.start().generateBucket(BUCKET, OBJECTS, pictures)) {
            TestTables repository = new TestTables(db.dataSource());
            Map<String, String> env = RunningJar.envWithDatabase(db,
                    "STORAGE", "gcs", "STORAGE_EMULATOR_HOST", gcs.baseUrl(), "WORKERS", "2",
                    "DATA_DIR", work.resolve("data").toString());
            List<Sample> samples = new ArrayList<>();
            int requestedCollections = 0;
            try (RunningJar service = RunningJar.start("large-bucket", env, HeapLog.jvmOptions(MAX_HEAP, gcLog))) {
                String id = new ServiceClient(service).submitForm("userName=Big&bucket=" + BUCKET);
                long started = System.nanoTime();
                int nextCollectionAt = OBJECTS / 5;
                Sample sample;
                boolean collected = false;
                do {
                    Thread.sleep(250);
                    int pages = gcs.listRequestCount(); // counted first: never more than had been read when done was
                    ServiceRecord row = repository.find(id).orElseThrow();
                    sample = new Sample(System.nanoTime(), pages, row.done(), row.total(), row.listed(), row.status(),
                            collected);
                    samples.add(sample);
                    collected = false;
                    if (row.done() >= nextCollectionAt && row.done() < OBJECTS) {
                        HeapLog.collect(service.pid(), gcLog);
                        collected = true;
                        requestedCollections++;
                        nextCollectionAt += OBJECTS / 5;
                    }
                    assertTrue(System.nanoTime() - started < Duration.ofMinutes(15).toNanos(), "too slow: " + sample);
                } while (!sample.status().isDone());
                HeapLog.collect(service.pid(), gcLog);
                long finishedNanos = sample.atNanos();

                assertEquals(ServiceStatus.FINISHED, sample.status(), service.log());
                checkTheDocument(service, id, pictures.size());
                report(samples, started, finishedNanos, HeapLog.readAwaiting(gcLog, requestedCollections + 1),
                        requestedCollections);
            }
        }
    }

    /** One entry per object in listing order; copies of one picture got one answer, and no entry is an error. */
    private static void checkTheDocument(RunningJar service, String id, int distinct) throws Exception {
        AtomicInteger index = new AtomicInteger();
        String[] answers = new String[distinct];
        StreamedDocument.Summary summary = StreamedDocument.read(service, id, entry -> {
            int i = index.getAndIncrement();
            assertEquals(FakeGcsServer.generatedName(i), entry.get("image").asText());
            String result = entry.get("result").asText();
            assertTrue(result.equals("day") || result.equals("night"), entry.toString());
            if (answers[i % distinct] == null) {
                answers[i % distinct] = result;
            }
            assertEquals(answers[i % distinct], result, entry.toString());
        });
        assertEquals(OBJECTS, summary.entries());
        assertEquals(OBJECTS, summary.fields().get("Progress").get("done").asInt());
        assertEquals(OBJECTS, summary.fields().get("Progress").get("total").asInt());
    }

    private static void report(List<Sample> samples, long started, long finished, List<HeapLog.Collection> gc,
                               int requestedCollections) {
        Sample firstResult = samples.stream().filter(s -> s.done() > 0).findFirst().orElseThrow();
        Sample counted = samples.stream().filter(Sample::listed).findFirst().orElseThrow();
        Sample last = samples.get(samples.size() - 1);
        Sample allDone = samples.stream().filter(s -> s.done() == OBJECTS).findFirst().orElseThrow();
        List<Integer> live = gc.stream().filter(HeapLog.Collection::isRequestedFull)
                .map(HeapLog.Collection::afterMb).toList();
        int peak = gc.stream().mapToInt(HeapLog.Collection::beforeMb).max().orElseThrow();
        int heap = gc.stream().mapToInt(HeapLog.Collection::heapMb).max().orElseThrow();
        double longestStall = longestStall(samples.subList(samples.indexOf(firstResult), samples.size()));
        System.out.printf(Locale.ROOT, "LargeBucketIT: %d objects, %.1f s from submission to finished, in -Xmx%s%n"
                        + "  listing: done after %.1f s; first result after %.1f s (%d pages served);"
                        + " %d list pages in all for %d pages of objects%n"
                        + "  work pass: %.0f images/s; per tenth of the bucket: %s; longest stall of progress %.1f s%n"
                        + "  finish (document written): %.1f s after the last result%n"
                        + "  heap: peak used %d MiB (heap grew to %d MiB);"
                        + " live after full GC at 20/40/60/80/100%%: %s MiB%n",
                OBJECTS, (finished - started) / 1e9, MAX_HEAP, seconds(started, counted.atNanos()),
                seconds(started, firstResult.atNanos()), firstResult.pagesServed(), last.pagesServed(), PAGES,
                OBJECTS / seconds(firstResult.atNanos(), allDone.atNanos()), ratesPerTenth(samples, firstResult),
                longestStall, seconds(allDone.atNanos(), finished), peak, heap, live);

        assertEquals(OBJECTS, counted.total().intValue());
        // The total is "at least n" while the lister cuts chunks: it only grows, never past the bucket.
        long shown = 0;
        for (Sample s : samples) {
            long total = s.total() == null ? 0 : s.total();
            assertTrue(total >= shown && total <= OBJECTS, "the known total went back or past the bucket: " + s);
            shown = total;
        }
        // Streamed and listed once: the lister reads each page once; each chunk's work lists its own range of
        // CHUNK_SIZE (1,000) names, one page, again; nothing is listed a third time (no counting pass).
        assertTrue(last.pagesServed() <= 2 * PAGES + 2, "the bucket was listed more than twice: " + last);
        assertTrue(firstResult.atNanos() < counted.atNanos(), "no result before the listing ended: " + firstResult);
        assertTrue(longestStall < 10, "progress stood still for " + longestStall + " s");
        assertEquals(requestedCollections + 1, live.size(), "every requested collection is in the GC log: " + live);
        int spread = live.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - live.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(spread <= 8, "the live heap grew along the run: " + live);
    }

    /**
     * The longest time between two samples at which done had grown. A requested collection (jcmd, its line awaited
     * in the GC log, asked again when G1 skipped it: up to several seconds) holds the sampling, not the service:
     * the time across it is not counted.
     */
    private static double longestStall(List<Sample> samples) {
        double longest = 0;
        Sample last = samples.get(0);
        for (Sample s : samples) {
            if (s.afterCollection()) {
                last = s;
            } else if (s.done() > last.done()) {
                longest = Math.max(longest, seconds(last.atNanos(), s.atNanos()));
                last = s;
            }
        }
        return longest;
    }

    /** Images per second over each tenth of the bucket. */
    private static List<Long> ratesPerTenth(List<Sample> samples, Sample from) {
        List<Long> rates = new ArrayList<>();
        Sample start = from;
        for (Sample s : samples) {
            if (s.done() >= start.done() + OBJECTS / 10 || (s.done() == OBJECTS && s.done() > start.done())) {
                rates.add(Math.round((s.done() - start.done()) / seconds(start.atNanos(), s.atNanos())));
                start = s;
            }
        }
        return rates;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
