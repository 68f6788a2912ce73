package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
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
        int pictures = AmosBucket.copies(work.resolve("buckets").resolve("big"), COPIES);
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = RunningJar.envWithDatabase(db,
                    "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1");
            String id;
            try (RunningJar first = RunningJar.start("shutdown-1", env)) {
                ServiceClient client = new ServiceClient(first);
                id = client.submitForm("userName=Ann&bucket=big");
                int done = client.awaitProgress(id, 40);
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
                AmosBucket.assertEveryPictureOnce(document.get("serviceResults"), pictures);
            }
        }
    }
}
