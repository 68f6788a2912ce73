package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

    @TempDir
    Path work;

    @Test
    void servicesSurviveARestartAndACrashOfTheInstance() throws Exception {
        Path buckets = work.resolve("buckets");
        int pictures = AmosBucket.create(buckets, "holiday", 3);
        Map<String, String> env = Map.of("BUCKETS_DIR", buckets.toString(), "DATA_DIR", work.resolve("data").toString());

        String finished;
        String missing;
        JsonNode before;
        try (RunningJar service = RunningJar.start("embedded-1", env)) {
            ServiceClient client = new ServiceClient(service);
            finished = client.submitJson("{\"userName\": \"Ann \u00e9\u00e8 \uD83C\uDF19\", \"bucket\": \"holiday\"}");
            missing = client.submitJson("{\"userName\": \"Ann\", \"bucket\": \"no-such-bucket\"}");
            assertTrue(finished.matches("[A-Z0-9]{8}") && missing.matches("[A-Z0-9]{8}"), finished + " " + missing);
            before = awaitDone(client, finished);
            assertEquals("finished", before.get("Status").asText());
            assertEquals(pictures, before.get("Results").size());
            JsonNode failed = awaitDone(client, missing);
            assertEquals("failed", failed.get("Status").asText());
            // Missing and forbidden buckets read alike to users; the log says which it was.
            assertEquals("bucket not found or not allowed", failed.get("Error").asText(), failed.toString());
        }
        try (RunningJar again = RunningJar.start("embedded-2", env)) {
            JsonNode after = awaitDone(new ServiceClient(again), finished);
            assertEquals(before, after, "the same service, unchanged, after a restart");
            assertEquals("Ann \u00e9\u00e8 \uD83C\uDF19", after.get("UserName").asText());
            again.kill(); // kill -9: no shutdown hook runs, the embedded server is left running
        }
        try (RunningJar afterCrash = RunningJar.start("embedded-3", env)) {
            assertEquals(before, awaitDone(new ServiceClient(afterCrash), finished), "intact after a crash");
        }
    }

    private static JsonNode awaitDone(ServiceClient client, String id) throws Exception {
        return client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults");
    }
}
