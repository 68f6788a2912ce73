package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.storage.FakeGcsServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with STORAGE=gcs, as deployed, reading buckets over the GCS JSON API from a server named by
 * STORAGE_EMULATOR_HOST (no credentials): a bucket of real pictures over more than one listing page,
 * a missing bucket and a bucket whose access is denied.
 */
class GcsEndToEndIT {

    @TempDir
    Path work;

    @Test
    void theServiceReadsBucketsOverTheGcsJsonApi() throws Exception {
        try (FakeGcsServer gcs = FakeGcsServer.start()) {
            gcs.createBucket("photos");
            int jpegs = 0;
            for (String label : AmosBucket.LABELS) {
                for (Path picture : AmosBucket.pictures(label).subList(0, 8)) {
                    // No extension: only the content type says it is a JPEG.
                    gcs.put("photos", label + "/" + picture.getFileName().toString().replace(".jpg", ""),
                            Files.readAllBytes(picture), "image/jpeg");
                    jpegs++;
                }
            }
            gcs.put("photos", "notes.txt", "not a picture".getBytes(), "text/plain");
            gcs.createBucket("private");
            gcs.denyAccess("private");

            Map<String, String> env = Map.of("STORAGE", "gcs", "STORAGE_EMULATOR_HOST", gcs.baseUrl(),
                    "DATA_DIR", work.resolve("data").toString());
            try (RunningJar service = RunningJar.start("gcs", env)) {
                ServiceClient client = new ServiceClient(service);
                JsonNode photos = done(client, "photos");
                assertEquals("finished", photos.get("Status").asText(), photos.toString());
                assertEquals(jpegs, photos.get("Results").size());
                for (JsonNode entry : photos.get("Results")) {
                    assertTrue(entry.get("image").asText().startsWith(entry.get("result").asText() + "/"),
                            entry.toString());
                }
                JsonNode missing = done(client, "no-such-bucket");
                assertEquals("failed", missing.get("Status").asText());
                assertTrue(missing.get("Error").asText().contains("does not exist"), missing.toString());
                JsonNode denied = done(client, "private");
                assertEquals("failed", denied.get("Status").asText());
                assertTrue(denied.get("Error").asText().contains("access denied"), denied.toString());
            }
        }
    }

    private static JsonNode done(ServiceClient client, String bucket) throws Exception {
        String id = client.submitForm("userName=Ann&bucket=" + bucket);
        return client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults");
    }
}
