package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.jpeg.ManyScanJpeg;
import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, limits per picture, on the jar: a bucket whose objects each used to cost the whole service (a
 * 1,200-character name, a 1,000-scan progressive JPEG, a decode that runs past its time, an object over
 * MAX_OBJECT_BYTES, a name with a byte that is not UTF-8) beside ordinary pictures. Each bad one gets its own
 * entry, the others are classified, and the service finishes in one attempt. Then SIGTERM in the middle of a
 * long decode hands the service back in under 2 s.
 */
class PictureLimitsIT {

    private static final String LONG_NAME = "folder-" + "a".repeat(233) + "/" + "folder-" + "b".repeat(233) + "/"
            + "folder-" + "c".repeat(233) + "/" + "folder-" + "d".repeat(233) + "/" + "e".repeat(232) + ".jpg";

    @TempDir
    Path work;

    @Test
    void eachCostlyPictureGetsItsOwnErrorAndTheServiceFinishesInOneAttempt() throws Exception {
        assertEquals(1_200, LONG_NAME.length());
        Path buckets = work.resolve("buckets");
        Path bucket = buckets.resolve("limits");
        int ordinary = AmosBucket.create(buckets, "limits", 2);
        byte[] real = Files.readAllBytes(AmosBucket.pictures("day").get(0));
        Files.createDirectories(bucket.resolve(LONG_NAME).getParent());
        Files.write(bucket.resolve(LONG_NAME), real);
        Files.write(bucket.resolve("scans-1000.jpg"), ManyScanJpeg.grey(10_000, 10_000, 1_000, true));
        Files.write(bucket.resolve("slow-60-scans.jpg"), ManyScanJpeg.grey(10_000, 10_000, 60, true));
        try (RandomAccessFile big = new RandomAccessFile(bucket.resolve("big.jpg").toFile(), "rw")) {
            big.setLength(3_000_000); // sparse: no disk, and never read
        }
        boolean oddName = writeWithNonUtf8Name(bucket, real);

        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = RunningJar.envWithDatabase(db, "BUCKETS_DIR", buckets.toString(),
                    "WORKERS", "2", "MAX_OBJECT_BYTES", "2000000", "PICTURE_TIMEOUT_SECONDS", "1");
            try (RunningJar service = RunningJar.start("picture-limits", env, List.of("-Xmx256m"))) {
                ServiceClient client = new ServiceClient(service);
                String id = client.submitForm("userName=Ann&bucket=limits");
                JsonNode document = client.awaitDone(id, Duration.ofMinutes(3)).get("serviceResults");
                assertEquals("finished", document.get("Status").asText(), document.toString());
                Map<String, JsonNode> entries = new LinkedHashMap<>();
                document.get("Results").forEach(entry -> entries.put(entry.get("image").asText(), entry));
                entries.forEach((name, entry) -> System.out.printf("  %.60s%s -> %s%n", name,
                        name.length() > 60 ? "... (" + name.length() + " characters)" : "",
                        entry.get("result").asText() + (entry.has("error") ? ": " + entry.get("error").asText() : "")));

                assertEquals(ordinary + 4 + (oddName ? 1 : 0), entries.size(), "one entry per object");
                assertTrue(entries.get(LONG_NAME).get("result").asText().matches("day|night"),
                        "the 1,200-character name is classified and kept whole");
                assertError(entries, "scans-1000.jpg", "too many scans: 1000 (limit 100)");
                assertError(entries, "slow-60-scans.jpg", "took too long to decode (limit 1 s)");
                assertError(entries, "big.jpg", "file too large: 3000000 bytes, limit 2000000");
                long classified = entries.values().stream()
                        .filter(e -> e.get("result").asText().matches("day|night")).count();
                assertTrue(classified >= ordinary + 1, "the ordinary pictures are classified: " + classified);
                assertEquals("1", db.query("SELECT Attempts FROM services WHERE ServiceID = '" + id + "'"),
                        "done in one attempt: no write failed, nothing retried");
                String log = service.log();
                assertFalse(log.contains("worker error"), log);
                assertTrue(log.contains("slow-60-scans.jpg") && log.contains("took more than 1 s"),
                        "the abandoned decode is logged with its name");
            }
        }
    }

    @Test
    void sigtermInTheMiddleOfALongDecodeHandsTheServiceBackInUnderTwoSeconds() throws Exception {
        Path buckets = work.resolve("buckets");
        Path bucket = Files.createDirectories(buckets.resolve("slow"));
        byte[] real = Files.readAllBytes(AmosBucket.pictures("night").get(0));
        Files.write(bucket.resolve("a-first.jpg"), real);
        // 100 scans of 10000x10000 through ImageIO: tens of seconds of one core; the only worker is busy with it.
        Files.write(bucket.resolve("b-slow.jpg"), ManyScanJpeg.grey(10_000, 10_000, 100, true));
        Files.write(bucket.resolve("c-last.jpg"), real);
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = RunningJar.envWithDatabase(db, "BUCKETS_DIR", buckets.toString(),
                    "WORKERS", "1", "PICTURE_TIMEOUT_SECONDS", "120");
            String id;
            try (RunningJar service = RunningJar.start("picture-limits-sigterm", env)) {
                ServiceClient client = new ServiceClient(service);
                id = client.submitForm("userName=Ann&bucket=slow");
                awaitStatus(db, id, "started");
                Thread.sleep(1_500); // a-first.jpg is done in milliseconds (its result waits in the batch); b-slow.jpg decodes
                Duration stop = service.stop();
                System.out.printf("SIGTERM mid-decode: the instance exited in %d ms%n", stop.toMillis());
                assertTrue(stop.toMillis() < 2_000, "exited in " + stop.toMillis() + " ms");
                assertTrue(service.log().contains("workers stopped"), "an orderly stop, not a kill");
            }
            assertNull(nullable(db.query("SELECT ClaimedBy FROM services WHERE ServiceID = '" + id + "'")),
                    "handed back in the database, not left to a lease that must run out");
            assertEquals("started", db.query("SELECT Status FROM services WHERE ServiceID = '" + id + "'"));
            // a-first.jpg is kept when it was classified before the SIGTERM (on a loaded machine the first picture of
            // a cold JVM may take longer than the wait); the abandoned picture never has an entry: the next owner
            // does it.
            String kept = db.query("SELECT GROUP_CONCAT(Image ORDER BY Seq) FROM service_results WHERE ServiceID = '"
                    + id + "'");
            assertTrue(kept.equals("null") || kept.equals("a-first.jpg"), "kept: " + kept);
        }
    }

    @Test
    void tenObjectsOf200MbPassOneAtATimeInA512MbHeap() throws Exception {
        Path buckets = work.resolve("buckets");
        Path bucket = Files.createDirectories(buckets.resolve("large"));
        for (int i = 0; i < 10; i++) {
            try (RandomAccessFile big = new RandomAccessFile(bucket.resolve("big-" + i + ".jpg").toFile(), "rw")) {
                big.setLength(200L * 1024 * 1024); // sparse zeros: read in full, "not a JPEG"
            }
        }
        Path gcLog = work.resolve("gc.log");
        try (TestDatabase db = TestDatabase.create()) {
            // Over the default MAX_OBJECT_BYTES, raised so that they are read. Eight downloads at once would need
            // 1.6 GB; the byte budget (a quarter of the heap) is smaller than one of them, so each goes alone. (This
            // also caught Files.readAllBytes keeping a 200 MB direct buffer per download thread: LocalImageStore.)
            Map<String, String> env = RunningJar.envWithDatabase(db, "BUCKETS_DIR", buckets.toString(),
                    "WORKERS", "2", "MAX_OBJECT_BYTES", "250000000");
            try (RunningJar service = RunningJar.start("picture-limits-large", env,
                    HeapLog.jvmOptions("512m", gcLog))) {
                ServiceClient client = new ServiceClient(service);
                String id = client.submitForm("userName=Ann&bucket=large");
                JsonNode document = client.awaitDone(id, Duration.ofMinutes(5)).get("serviceResults");
                assertEquals("finished", document.get("Status").asText(), document.toString());
                assertEquals(10, document.get("Results").size());
                document.get("Results").forEach(entry -> assertEquals("not a JPEG", entry.get("error").asText()));
                assertEquals("1", db.query("SELECT Attempts FROM services WHERE ServiceID = '" + id + "'"));
                String log = service.log();
                assertFalse(log.contains("OutOfMemoryError") || log.contains("out of memory"), log);
                int peak = HeapLog.read(gcLog).stream().mapToInt(HeapLog.Collection::beforeMb).max().orElse(0);
                System.out.printf("ten 200 MB objects in -Xmx512m: heap peak %d MiB%n", peak);
            }
        }
    }

    private static void awaitStatus(TestDatabase db, String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!status.equals(db.query("SELECT Status FROM services WHERE ServiceID = '" + id + "'"))) {
            assertTrue(System.nanoTime() < deadline, "never " + status);
            Thread.sleep(100);
        }
    }

    private static String nullable(String queried) {
        return "null".equals(queried) ? null : queried;
    }

    private static void assertError(Map<String, JsonNode> entries, String image, String reason) {
        JsonNode entry = entries.get(image);
        assertEquals("error", entry.get("result").asText(), String.valueOf(entry));
        assertEquals(reason, entry.get("error").asText());
    }

    /** A 969-character name with the byte 0xFF in it, made by the shell (Java cannot name such a file). */
    private static boolean writeWithNonUtf8Name(Path bucket, byte[] jpeg) throws Exception {
        Path source = bucket.resolve("source.tmp");
        Files.write(source, jpeg);
        String dirs = "x".repeat(240) + "/" + "y".repeat(240) + "/" + "z".repeat(240) + "/";
        String script = "cd \"$1\" && mkdir -p " + dirs + " && mv source.tmp " + dirs + "$(printf 'w%.0s' $(seq 1 100))"
                + "$(printf '\\377')" + "$(printf 'v%.0s' $(seq 1 140)).jpg";
        Process p = new ProcessBuilder("sh", "-c", script, "sh", bucket.toString()).inheritIO().start();
        boolean made = p.waitFor() == 0;
        Files.deleteIfExists(source);
        return made;
    }
}
