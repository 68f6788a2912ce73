package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.daynight.classify.ModelCard;
import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product, as a user meets it: the runnable jar in its own JVM, a submission over HTTP as curl
 * sends it, the background work on a bucket of real pictures, the row in the database and the document.
 */
class ServiceEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bundled model's figures in weka-models/MODEL_CARD.md; the service computes what evaluate does. */
    private static final ModelCard.Figures AMOS_TEST = ModelCard.figures("amos-day-night/test");

    @TempDir
    Path work;

    @Test
    void aCurlSubmissionOverTheAmosTestPicturesFinishesWithACorrectRowAndDocument() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            runAmosService(db.serverName(), db.jdbcUrl(), db.user(), db.password(), db.dataSource());
        }
    }

    /**
     * The same against the external server CI starts from Debian's packages (MariaDB 10.11, which announces
     * itself as 5.5.5-10.11 and so loses milliseconds of bound times): DAYNIGHT_TEST_DB_URL names it.
     */
    @Test
    void theSameAgainstAnExternalMariaDbServer() throws Exception {
        String url = System.getenv("DAYNIGHT_TEST_DB_URL");
        assumeTrue(url != null, "DAYNIGHT_TEST_DB_URL is not set");
        String user = System.getenv().getOrDefault("DAYNIGHT_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("DAYNIGHT_TEST_DB_PASSWORD", "");
        try (HikariDataSource ds = new HikariDataSource(TestDatabase.poolConfig(url, user, password))) {
            runAmosService("external", url, user, password, ds);
        }
    }

    private void runAmosService(String name, String dbUrl, String user, String password,
                                DataSource db) throws Exception {
        Path buckets = work.resolve("buckets");
        int pictures = AmosBucket.create(buckets, "amos-test", 1_000);
        assertEquals(AMOS_TEST.pictures(), pictures);
        Map<String, String> env = Map.of("DB_URL", dbUrl, "DB_USER", user, "DB_PASSWORD", password,
                "BUCKETS_DIR", buckets.toString(), "DATA_DIR", work.resolve("data").toString(), "WORKERS", "2");
        try (RunningJar service = RunningJar.start(name, env)) {
            ServiceClient client = new ServiceClient(service);
            long submitted = System.nanoTime();
            HttpResponse<String> answer = client.post("application/x-www-form-urlencoded", "*/*",
                    "userName=Michael+Jordan&bucket=amos-test");
            assertEquals(202, answer.statusCode(), answer.body());
            assertTrue(answer.body().matches("[A-Z0-9]{8}\n"), answer.body());
            String id = answer.body().strip();
            assertEquals("/services/" + id, answer.headers().firstValue("Location").orElseThrow());

            JsonNode document = client.awaitDone(id, Duration.ofMinutes(3));
            assertEquals("finished", document.get("serviceResults").get("Status").asText(), document.toString());
            long millis = (System.nanoTime() - submitted) / 1_000_000;
            JsonNode results = document.get("serviceResults").get("Results");
            int correct = 0;
            for (JsonNode entry : results) {
                String image = entry.get("image").asText();
                if (image.startsWith(entry.get("result").asText() + "/")) {
                    correct++;
                }
                assertTrue(entry.get("confidence").asDouble() > 0.5, entry.toString());
            }
            System.out.printf("e2e %s: %d pictures classified in %d ms from submission (%.1f ms per picture),"
                    + " %d correct (%.4f)%n", name, results.size(), millis, millis / (double) results.size(),
                    correct, correct / (double) results.size());
            assertEquals(AMOS_TEST.pictures(), results.size());
            assertEquals(AMOS_TEST.correct(), correct, "accuracy on amos test: " + correct + "/" + results.size());
            assertEquals(AMOS_TEST.pictures(), document.get("serviceResults").get("Progress").get("done").asInt());
            assertEquals(AMOS_TEST.pictures(), document.get("serviceResults").get("Progress").get("total").asInt());

            assertRowMatches(db, id, document);
            assertPagesAnswer(client, id);
            Duration stop = service.stop();
            assertTrue(stop.toSeconds() < 10, "stopped in " + stop);
        }
    }

    private void assertRowMatches(DataSource db, String id, JsonNode served) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT ServiceID, UserName, Bucket, ServiceRequestTime,"
                     + " ServiceStartTime, Status, ServiceEndTime, Results, Error FROM services WHERE ServiceID = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "row for " + id);
                assertEquals("Michael Jordan", row.getString("UserName"));
                assertEquals("amos-test", row.getString("Bucket"));
                assertEquals("finished", row.getString("Status"));
                Timestamp requested = row.getTimestamp("ServiceRequestTime");
                Timestamp started = row.getTimestamp("ServiceStartTime");
                Timestamp ended = row.getTimestamp("ServiceEndTime");
                assertNotNull(started);
                assertFalse(started.before(requested));
                assertTrue(ended.after(started), "the pictures take time");
                assertEquals(null, row.getString("Error"));
                ObjectNode stored = (ObjectNode) JSON.readTree(row.getString("Results"));
                ObjectNode expected = ((ObjectNode) served).deepCopy();
                ObjectNode inner = (ObjectNode) expected.get("serviceResults");
                inner.remove(List.of("Status", "ServiceStartTime", "ServiceEndTime", "Progress"));
                assertEquals(expected, stored, "the Results column holds the document served, less its status");
            }
        }
    }

    private static void assertPagesAnswer(ServiceClient client, String id) throws Exception {
        HttpResponse<String> page = client.get("/services/" + id, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(id) && page.body().contains("finished"), page.body());
        HttpResponse<String> csv = client.get("/services/" + id + "?format=csv", "*/*");
        assertEquals(AMOS_TEST.pictures() + 1, csv.body().strip().split("\n").length, "a header and a line per picture");
        assertEquals(404, client.get("/services/ZZZZZZZZ", "application/json").statusCode());
    }
}
