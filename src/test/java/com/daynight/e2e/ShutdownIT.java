package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a service: the instance saves what it has, hands the service back and exits
 * within 10 s; the next instance completes it, with one entry per picture, none lost and none doubled.
 */
class ShutdownIT {

    private static final int COPIES = 8;

    @TempDir
    Path work;

    @Test
    void aServiceInterruptedBySigtermIsCompletedByTheNextInstance() throws Exception {
        int pictures = bucketOfCopies(work.resolve("buckets").resolve("big"));
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "root", "DB_PASSWORD", "",
                    "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1");
            String id;
            try (RunningJar first = RunningJar.start("shutdown-1", env)) {
                ServiceClient client = new ServiceClient(first);
                id = client.submitForm("userName=Ann&bucket=big");
                int done = awaitProgress(client, id, 40);
                Duration stop = first.stop();
                System.out.printf("shutdown: SIGTERM after %d of %d pictures; the instance exited in %d ms%n",
                        done, pictures, stop.toMillis());
                assertTrue(stop.toSeconds() < 10, "stopped in " + stop);
            }
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement select = c.prepareStatement("SELECT Status, ClaimedBy,"
                         + " (SELECT COUNT(*) FROM service_results r WHERE r.ServiceID = s.ServiceID)"
                         + " FROM services s WHERE ServiceID = ?")) {
                select.setString(1, id);
                ResultSet row = select.executeQuery();
                row.next();
                assertEquals("started", row.getString(1), "interrupted midway");
                assertNull(row.getString(2), "handed back, not left to a lease that must run out");
                assertTrue(row.getInt(3) > 0 && row.getInt(3) < pictures, "results kept: " + row.getInt(3));
            }
            try (RunningJar second = RunningJar.start("shutdown-2", env)) {
                JsonNode document = new ServiceClient(second).awaitDone(id, Duration.ofMinutes(3));
                assertEveryPictureOnce(document.get("serviceResults"), pictures);
            }
        }
    }

    /** The amos test pictures, several times over under different names: enough work to interrupt. */
    private static int bucketOfCopies(Path bucket) throws Exception {
        Files.createDirectories(bucket);
        int count = 0;
        for (String label : AmosBucket.LABELS) {
            for (Path picture : AmosBucket.pictures(label)) {
                for (int copy = 0; copy < COPIES; copy++) {
                    Files.copy(picture, bucket.resolve(copy + "-" + label + "-" + picture.getFileName()));
                    count++;
                }
            }
        }
        return count;
    }

    private static int awaitProgress(ServiceClient client, String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = client.document(id).get("serviceResults").get("Progress");
            if (progress.get("done").asInt() >= atLeast) {
                return progress.get("done").asInt();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no progress on " + id);
    }

    private static void assertEveryPictureOnce(JsonNode service, int pictures) {
        assertEquals("finished", service.get("Status").asText());
        List<String> names = new ArrayList<>();
        service.get("Results").forEach(entry -> names.add(entry.get("image").asText()));
        assertEquals(pictures, names.size());
        assertEquals(pictures, names.stream().distinct().count(), "no picture twice");
        assertEquals(names.stream().sorted().toList(), names, "in the bucket's listing order");
    }
}
