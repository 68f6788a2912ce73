package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The jar with no database configured: the embedded MariaDB keeps services under DATA_DIR across restarts,
 * a JSON submission gets a JSON answer, and a missing bucket ends 'failed' with the reason.
 */
class EmbeddedDefaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void servicesSurviveARestartOfTheEmbeddedDatabase() throws Exception {
        Path buckets = work.resolve("buckets");
        int pictures = AmosBucket.create(buckets, "holiday", 3);
        Map<String, String> env = Map.of("BUCKETS_DIR", buckets.toString(), "DATA_DIR", work.resolve("data").toString());

        String finished;
        String missing;
        JsonNode before;
        try (RunningJar service = RunningJar.start("embedded-1", env)) {
            finished = submitJson(service, "{\"userName\": \"Ann \u00e9\u00e8 \uD83C\uDF19\", \"bucket\": \"holiday\"}");
            missing = submitJson(service, "{\"userName\": \"Ann\", \"bucket\": \"no-such-bucket\"}");
            before = awaitDone(service, finished);
            assertEquals("finished", before.get("Status").asText());
            assertEquals(pictures, before.get("Results").size());
            JsonNode failed = awaitDone(service, missing);
            assertEquals("failed", failed.get("Status").asText());
            assertTrue(failed.get("Error").asText().contains("no-such-bucket"), failed.toString());
        }
        try (RunningJar again = RunningJar.start("embedded-2", env)) {
            JsonNode after = awaitDone(again, finished);
            assertEquals(before, after, "the same service, unchanged, after a restart");
            assertEquals("Ann \u00e9\u00e8 \uD83C\uDF19", after.get("UserName").asText());
        }
    }

    private String submitJson(RunningJar service, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        String id = JSON.readTree(answer.body()).get("ServiceId").asText();
        assertTrue(id.matches("[A-Z0-9]{8}"), answer.body());
        return id;
    }

    private JsonNode awaitDone(RunningJar service, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(service.baseUrl() + "/services/" + id)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode document = JSON.readTree(answer.body()).get("serviceResults");
            String status = document.get("Status").asText();
            if (status.equals("finished") || status.equals("failed")) {
                return document;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service " + id + " not done:\n" + service.log());
    }
}
