package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.daynight.storage.FakeGcsServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of an instance while it lists a bucket, in the middle of the images, and while it writes the final
 * result; then a fresh instance. After every kill the row is whole (never finished without its document, never
 * a gap in the results), and in the end every service is finished with exactly one entry per JPEG.
 */
class CrashIT {

    @TempDir
    Path work;

    @Test
    void killedWhileListingTheBucket() throws Exception {
        try (TestDatabase db = TestDatabase.create(); FakeGcsServer gcs = FakeGcsServer.start()) {
            int count = 3_000;
            for (int i = 0; i < count; i++) {
                gcs.put("slow", GeneratedPictures.name(i), GeneratedPictures.bytes(i), "image/jpeg");
            }
            gcs.slowListing("slow", Duration.ofSeconds(2)); // three pages of 1,000: six seconds of listing
            Map<String, String> env = env(db);
            env.putAll(Map.of("STORAGE", "gcs", "STORAGE_EMULATOR_HOST", gcs.baseUrl()));
            String id;
            try (RunningJar first = RunningJar.start("crash-listing-1", env)) {
                id = new ServiceClient(first).submitForm("userName=Ann&bucket=slow");
                awaitListRequests(gcs, 2);
                first.kill();
            }
            assertWhole(db, id);
            assertEquals(0, resultCount(db, id), "killed before the first image");
            gcs.slowListing("slow", Duration.ZERO);
            finishWithAnotherInstance(db, env, id, count);
        }
    }

    @Test
    void killedInTheMiddleOfTheImages() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            int count = AmosBucket.copies(work.resolve("buckets").resolve("big"), 8);
            Map<String, String> env = env(db);
            String id;
            try (RunningJar first = RunningJar.start("crash-images-1", env)) {
                ServiceClient client = new ServiceClient(first);
                id = client.submitForm("userName=Ann&bucket=big");
                client.awaitProgress(id, 200);
                first.kill();
            }
            assertWhole(db, id);
            int kept = resultCount(db, id);
            assertTrue(kept >= 200 && kept < count, "killed midway: " + kept);
            finishWithAnotherInstance(db, env, id, count);
        }
    }

    /**
     * The final write is one transaction: the test watches the database and kills the instance as soon as the
     * last result is stored and the row is not yet finished, which is while that transaction runs.
     */
    @Test
    void killedWhileWritingTheFinalResult() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            int count = GeneratedPictures.write(work.resolve("buckets").resolve("many"), 20_000);
            Map<String, String> env = env(db);
            String id;
            boolean caught;
            try (RunningJar first = RunningJar.start("crash-final-1", env)) {
                id = new ServiceClient(first).submitForm("userName=Ann&bucket=many");
                caught = awaitLastResultStoredButNotFinished(db, id, count);
                first.kill();
            }
            // Missed, the kill would land after the write and the test would check nothing of its own.
            assertTrue(caught, "the kill missed the final write's window: the row was finished first");
            assertWhole(db, id);
            System.out.printf("crash: killed during the final write of %d results%n", count);
            finishWithAnotherInstance(db, env, id, count);
        }
    }

    private Map<String, String> env(TestDatabase db) {
        return RunningJar.envWithDatabase(db,
                "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1", "LEASE_SECONDS", "5");
    }

    private static void finishWithAnotherInstance(TestDatabase db, Map<String, String> env, String id, int count)
            throws Exception {
        try (RunningJar second = RunningJar.start("crash-rescuer", env)) {
            AmosBucket.assertEveryPictureOnce(new ServiceClient(second).awaitDone(id, Duration.ofMinutes(4))
                    .get("serviceResults"), count);
        }
        assertWhole(db, id);
    }

    /**
     * No half-written row: finished exactly when the document and end time are there, results numbered
     * 0..n-1 without a gap, and a started service has its start time.
     */
    private static void assertWhole(TestDatabase db, String id) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT Status, Results IS NOT NULL,"
                     + " ServiceEndTime IS NOT NULL, ServiceStartTime IS NOT NULL,"
                     + " (SELECT COUNT(*) FROM service_results r WHERE r.ServiceID = s.ServiceID),"
                     // Each chunk numbers its results from ChunkNo x 2^31 on: no gap means, per chunk, as many
                     // results as its highest index + 1.
                     + " (SELECT COALESCE(SUM(n), 0) FROM (SELECT MAX(Seq % 2147483648) + 1 AS n FROM service_results"
                     + " WHERE ServiceID = ? GROUP BY Seq DIV 2147483648) per_chunk)"
                     + " FROM services s WHERE ServiceID = ?")) {
            select.setString(1, id);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String status = row.getString(1);
                assertEquals(status.equals("finished"), row.getBoolean(2), "document iff finished: " + status);
                assertEquals(status.equals("finished"), row.getBoolean(3), "end time iff finished: " + status);
                assertTrue(status.equals("queued") || row.getBoolean(4), "a started service has its start time");
                assertEquals(row.getLong(6), row.getLong(5), "results without a gap");
            }
        }
    }

    private static boolean awaitLastResultStoredButNotFinished(TestDatabase db, String id, int count)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT Status,"
                     + " (SELECT COUNT(*) FROM service_results r WHERE r.ServiceID = s.ServiceID)"
                     + " FROM services s WHERE ServiceID = ?")) {
            select.setString(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (row.getString(1).equals("finished")) {
                        return false;
                    }
                    if (row.getInt(2) == count) {
                        return true;
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("the service did not reach its last result");
    }

    private static int resultCount(TestDatabase db, String id) throws Exception {
        return Integer.parseInt(db.query("SELECT COUNT(*) FROM service_results WHERE ServiceID = '" + id + "'"));
    }

    private static void awaitListRequests(FakeGcsServer gcs, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (gcs.listRequestCount() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(gcs.listRequestCount() >= atLeast, "the listing began");
    }
}
