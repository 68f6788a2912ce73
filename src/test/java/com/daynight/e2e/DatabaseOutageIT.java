package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops for 30 s in the middle of a service: submissions meanwhile get 503 with Retry-After and
 * leave no row; the running service resumes once the database is back, and ends with every picture once.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aThirtySecondOutageLosesNothing() throws Exception {
        int pictures = AmosBucket.copies(work.resolve("buckets").resolve("big"), 8);
        try (RestartableMariaDb db = RestartableMariaDb.start(work.resolve("mariadb"))) {
            Map<String, String> env = RunningJar.envWithRestartableDatabase(db.jdbcUrl(),
                    "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1", "LEASE_SECONDS", "10");
            try (RunningJar service = RunningJar.start("db-outage", env)) {
                ServiceClient client = new ServiceClient(service);
                String id = client.submitForm("userName=Ann&bucket=big");
                int before = client.awaitProgress(id, 25);

                long stopped = System.nanoTime();
                db.stop();
                HttpResponse<String> refused = client.post("application/x-www-form-urlencoded", "*/*",
                        "userName=Bob&bucket=big");
                HttpResponse<String> ready = client.get("/readyz", "*/*");
                long left = OUTAGE.toNanos() - (System.nanoTime() - stopped);
                Thread.sleep(Math.max(0, left / 1_000_000));
                db.startAgain();
                System.out.printf("database outage: stopped after %d of %d pictures for %d s; a submission"
                        + " meanwhile got %d (Retry-After %s)%n", before, pictures,
                        (System.nanoTime() - stopped) / 1_000_000_000, refused.statusCode(),
                        refused.headers().firstValue("Retry-After").orElse("none"));

                assertEquals(503, refused.statusCode(), refused.body());
                assertNotNull(refused.headers().firstValue("Retry-After").orElse(null));
                assertEquals(503, ready.statusCode());
                AmosBucket.assertEveryPictureOnce(client.awaitDone(id, Duration.ofMinutes(3)).get("serviceResults"),
                        pictures);
                assertEquals(1, count(db, "SELECT COUNT(*) FROM services"), "the refused submission left no row");
                String after = client.submitForm("userName=Cy&bucket=big");
                assertEquals("finished", client.awaitDone(after, Duration.ofMinutes(3))
                        .get("serviceResults").get("Status").asText(), "submissions work again");
                assertTrue(service.isAlive());
            }
        }
    }

    private static int count(RestartableMariaDb db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
