package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.daynight.persistence.TestTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's worker mode, as a Cloud Run job's task runs it: {@code java -jar daynight.jar worker} against the
 * shared database. With {@code --wait} it serves only its health routes and keeps working until SIGTERM, which
 * hands the service back at once, like the server; without, it finishes what is claimable and exits 0.
 */
class WorkerModeIT {

    private static final int PICTURES = 1_500;
    private static final String ID = "WORKER01";

    @TempDir
    Path work;

    @Test
    void aWaitingWorkerHandsBackOnSigtermAndAWorkerWithoutWaitFinishesTheServiceAndExits() throws Exception {
        GeneratedPictures.write(work.resolve("buckets").resolve("burst"), PICTURES);
        try (TestDatabase db = TestDatabase.create()) {
            TestTables tables = new TestTables(db.dataSource());
            tables.insertQueued(ID, "Ann", "burst");
            Map<String, String> env = RunningJar.envWithDatabase(db, "BUCKETS_DIR",
                    work.resolve("buckets").toString(), "WORKERS", "1",
                    "CLOUD_RUN_TASK_INDEX", "1", "CLOUD_RUN_TASK_COUNT", "2");

            int handedBackAt;
            try (RunningJar waiting = RunningJar.startWorker("worker-wait", env, "--wait")) {
                assertEquals(200, get(waiting, "/healthz"));
                assertEquals(200, get(waiting, "/readyz"));
                assertEquals(404, get(waiting, "/"), "worker mode serves no pages");
                assertEquals(404, get(waiting, "/services/" + ID));
                awaitResults(db, 1);
                Duration stopped = waiting.stop();
                assertEquals(143, waiting.exitCode(), "ended by SIGTERM, as the server is");
                assertTrue(stopped.toSeconds() < 15, "stopped in " + stopped);
                String log = waiting.log();
                assertTrue(log.contains("Cloud Run task 1 of 2"), log);
                assertTrue(log.contains("workers started as task-1-of-2/"), log);
                handedBackAt = Integer.parseInt(results(db));
            }
            assertTrue(handedBackAt < PICTURES, "SIGTERM came mid-service: " + handedBackAt + " done");
            assertEquals("started NULL", db.query("SELECT CONCAT_WS(' ', Status, COALESCE(ClaimedBy, 'NULL'))"
                    + " FROM services WHERE ServiceID = '" + ID + "'"), "the listing's claim handed back");
            // The work is claimed by chunks: each is handed back at once, not left to a lease (a crash).
            assertEquals("0 0", db.query("SELECT CONCAT_WS(' ', SUM(ClaimedBy IS NOT NULL), SUM(Attempts))"
                    + " FROM service_chunks WHERE ServiceID = '" + ID + "'"), "handed back at once, not a crash");

            RunningJar.CommandResult drained = RunningJar.runWorker(env, Duration.ofMinutes(4));
            System.out.printf("worker mode: handed back after %d of %d pictures; the next worker finished and"
                    + " exited %d%n", handedBackAt, PICTURES, drained.exitCode());
            assertEquals(0, drained.exitCode(), drained.output());
            assertTrue(drained.output().contains("no claimable work left"), drained.output());
            assertEquals("finished", tables.find(ID).orElseThrow().status().name().toLowerCase());
            assertEquals(String.valueOf(PICTURES), results(db));
            assertEquals(String.valueOf(PICTURES), db.query("SELECT COUNT(DISTINCT Image) FROM service_results"));
        }
    }

    @Test
    void withoutDbUrlWorkerModeSaysSoInOneLineAndExits() throws Exception {
        RunningJar.CommandResult result = RunningJar.runWorker(Map.of("DATA_DIR", work.resolve("data").toString()),
                Duration.ofMinutes(2));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.lastLine().contains("DayNight worker cannot start: worker mode needs DB_URL"),
                result.output());
    }

    private static String results(TestDatabase db) throws Exception {
        return db.query("SELECT COUNT(*) FROM service_results WHERE ServiceID = '" + ID + "'");
    }

    private static void awaitResults(TestDatabase db, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (Integer.parseInt(results(db)) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "no result within 2 minutes");
            Thread.sleep(50);
        }
    }

    private static int get(RunningJar jar, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jar.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
