package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.storage.FakeGcsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with STORAGE=gcs, as deployed, reading buckets over the GCS JSON API from a server named by
 * STORAGE_EMULATOR_HOST (no credentials): a bucket of real pictures over more than one listing page,
 * a missing bucket and a bucket whose access is denied.
 */
class GcsEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void theServiceReadsBucketsOverTheGcsJsonApi() throws Exception {
        try (FakeGcsServer gcs = FakeGcsServer.start()) {
            gcs.createBucket("photos");
            int jpegs = 0;
            for (String label : new String[] {"day", "night"}) {
                try (Stream<Path> pictures = Files.list(AmosBucket.AMOS_TEST.resolve(label))) {
                    for (Path picture : pictures.sorted().limit(8).toList()) {
                        // No extension: only the content type says it is a JPEG.
                        gcs.put("photos", label + "/" + picture.getFileName().toString().replace(".jpg", ""),
                                Files.readAllBytes(picture), "image/jpeg");
                        jpegs++;
                    }
                }
            }
            gcs.put("photos", "notes.txt", "not a picture".getBytes(), "text/plain");
            gcs.createBucket("private");
            gcs.denyAccess("private");

            Map<String, String> env = Map.of("STORAGE", "gcs", "STORAGE_EMULATOR_HOST", gcs.baseUrl(),
                    "DATA_DIR", work.resolve("data").toString());
            try (RunningJar service = RunningJar.start("gcs", env)) {
                JsonNode photos = awaitDone(service, submit(service, "photos"));
                assertEquals("finished", photos.get("Status").asText(), photos.toString());
                assertEquals(jpegs, photos.get("Results").size());
                for (JsonNode entry : photos.get("Results")) {
                    assertTrue(entry.get("image").asText().startsWith(entry.get("result").asText() + "/"),
                            entry.toString());
                }
                JsonNode missing = awaitDone(service, submit(service, "no-such-bucket"));
                assertEquals("failed", missing.get("Status").asText());
                assertTrue(missing.get("Error").asText().contains("does not exist"), missing.toString());
                JsonNode denied = awaitDone(service, submit(service, "private"));
                assertEquals("failed", denied.get("Status").asText());
                assertTrue(denied.get("Error").asText().contains("access denied"), denied.toString());
            }
        }
    }

    private String submit(RunningJar service, String bucket) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("userName=Ann&bucket=" + bucket)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        return answer.body().strip();
    }

    private JsonNode awaitDone(RunningJar service, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(service.baseUrl() + "/services/" + id + "?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode document = JSON.readTree(answer.body()).get("serviceResults");
            if (document.get("Status").asText().matches("finished|failed")) {
                return document;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service " + id + " not done:\n" + service.log());
    }
}
