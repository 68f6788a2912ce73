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
 * a missing bucket, a bucket whose access is denied, transient 503s, and an outage that outlasts the retries.
 */
class GcsEndToEndIT {

    @TempDir
    Path work;

    @Test
    void theServiceReadsBucketsOverTheGcsJsonApi() throws Exception {
        try (FakeGcsServer gcs = FakeGcsServer.start()) {
            int jpegs = putPictures(gcs, "photos");
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
                JsonNode denied = done(client, "private");
                assertEquals("failed", denied.get("Status").asText());
                // Missing and forbidden read alike to users (the storage's words, which may name the service
                // account, stay in the log): nobody learns from a service which buckets exist.
                assertEquals("bucket not found or not allowed", missing.get("Error").asText(), missing.toString());
                assertEquals(missing.get("Error"), denied.get("Error"), denied.toString());

                // A few 503s are absorbed by the client's retries; an outage that outlasts them postpones the
                // service, which finishes once storage is back, with no error entries.
                putPictures(gcs, "flaky");
                gcs.failNext("flaky", 3, 503);
                JsonNode flaky = done(client, "flaky");
                assertEquals("finished", flaky.get("Status").asText(), flaky.toString());
                assertEquals(jpegs, flaky.get("Results").size());
                putPictures(gcs, "outage");
                gcs.failWith("outage", 503);
                int before = gcs.requestCount();
                String id = client.submitForm("userName=Ann&bucket=outage");
                long outageStart = System.nanoTime();
                while (gcs.requestCount() - before < 6 && System.nanoTime() - outageStart < 60_000_000_000L) {
                    Thread.sleep(200); // the client's six attempts, about 15 s of backoff
                }
                assertTrue(gcs.requestCount() - before >= 6, "the outage was tried: "
                        + (gcs.requestCount() - before) + " requests in 60 s");
                Thread.sleep(2_000);
                assertEquals("queued", client.document(id).get("serviceResults").get("Status").asText(),
                        "postponed, neither failed nor finished");
                gcs.recover("outage");
                JsonNode recovered = client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults");
                assertEquals("finished", recovered.get("Status").asText(), recovered.toString());
                assertEquals(jpegs, recovered.get("Results").size());
                for (JsonNode entry : recovered.get("Results")) {
                    assertTrue(!entry.get("result").asText().equals("error"), entry.toString());
                }
            }
        }
    }

    /** Eight day and eight night pictures, named without extension: only the content type says JPEG. */
    private static int putPictures(FakeGcsServer gcs, String bucket) throws Exception {
        int count = 0;
        for (String label : AmosBucket.LABELS) {
            for (Path picture : AmosBucket.pictures(label).subList(0, 8)) {
                gcs.put(bucket, label + "/" + picture.getFileName().toString().replace(".jpg", ""),
                        Files.readAllBytes(picture), "image/jpeg");
                count++;
            }
        }
        return count;
    }

    private static JsonNode done(ServiceClient client, String bucket) throws Exception {
        String id = client.submitForm("userName=Ann&bucket=" + bucket);
        return client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults");
    }
}
