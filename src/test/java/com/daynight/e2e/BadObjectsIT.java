package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket of objects that are not what their names say, or JPEGs at the edges (60000x60000 header, CMYK,
 * corrupt entropy data, 81 megapixels with and without corruption, a 300 MB file), served by the jar in a
 * 256 MB heap: each object gets its own entry, the service finishes in one attempt, and the instance stays
 * up and serves the next service.
 */
class BadObjectsIT {

    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path work;

    @Test
    void everyBadObjectGetsItsOwnEntryAndTheInstanceStaysUpInA256MbHeap() throws Exception {
        Path buckets = work.resolve("buckets");
        byte[] real = Files.readAllBytes(AmosBucket.pictures("day").get(0));
        Map<String, String> files = BadPictures.write(buckets.resolve("odd"), real);
        AmosBucket.create(buckets, "normal", 3);
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = RunningJar.envWithDatabase(db,
                    "BUCKETS_DIR", buckets.toString(), "WORKERS", "2", "LEASE_SECONDS", "5");
            try (RunningJar service = RunningJar.start("bad-objects", env, List.of(HEAP))) {
                ServiceClient client = new ServiceClient(service);
                String id = client.submitForm("userName=Ann&bucket=odd");
                JsonNode document = client.awaitDone(id, Duration.ofMinutes(3)).get("serviceResults");
                assertEquals("finished", document.get("Status").asText(), document.toString());
                Map<String, JsonNode> entries = new LinkedHashMap<>();
                document.get("Results").forEach(entry -> entries.put(entry.get("image").asText(), entry));
                print(files, entries);
                assertEquals(files.keySet(), entries.keySet(), "one entry per object, none lost, none doubled");

                assertError(entries, "text.jpg", "not a JPEG");
                assertError(entries, "png.jpg", "not a JPEG");
                assertError(entries, "empty.jpg", "empty file");
                assertError(entries, "truncated.jpg", "truncated JPEG");
                assertError(entries, "huge-header.jpg", "picture too large: 60000x60000 pixels");
                assertClassified(entries, "cmyk.jpg");
                assertClassified(entries, "huge-valid.jpg");
                assertClassified(entries, "normal.jpg");
                assertAnswered(entries, "corrupt-entropy.jpg");
                assertAnswered(entries, "huge-corrupt.jpg");
                assertError(entries, "huge-file.jpg", "file too large: 314572800 bytes, limit 67108864");
                assertEquals(1, attempts(db, id), "done in one attempt: no worker failed on the way");

                String log = service.log();
                assertFalse(log.contains("OutOfMemoryError"), log);
                assertTrue(service.isAlive());
                assertEquals(200, client.get("/readyz", "*/*").statusCode());
                String next = client.submitForm("userName=Ann&bucket=normal");
                JsonNode after = client.awaitDone(next, Duration.ofMinutes(2)).get("serviceResults");
                assertEquals("finished", after.get("Status").asText());
                assertEquals(6, after.get("Results").size());
            }
        }
    }

    private static void assertError(Map<String, JsonNode> entries, String image, String reason) {
        JsonNode entry = entries.get(image);
        assertEquals("error", entry.get("result").asText(), entry.toString());
        assertTrue(entry.get("error").asText().startsWith(reason), entry.toString());
    }

    private static void assertClassified(Map<String, JsonNode> entries, String image) {
        JsonNode entry = entries.get(image);
        assertTrue(entry.get("result").asText().matches("day|night"), entry.toString());
        assertTrue(entry.get("confidence").asDouble() >= 0.5, entry.toString());
    }

    /** A picture the decoder may recover (a result) or refuse (an error that says why). */
    private static void assertAnswered(Map<String, JsonNode> entries, String image) {
        JsonNode entry = entries.get(image);
        String result = entry.get("result").asText();
        assertTrue(result.matches("day|night")
                || result.equals("error") && !entry.get("error").asText().isBlank(), entry.toString());
    }

    private static int attempts(TestDatabase db, String id) throws Exception {
        return Integer.parseInt(db.query("SELECT Attempts FROM services WHERE ServiceID = '" + id + "'"));
    }

    private static void print(Map<String, String> files, Map<String, JsonNode> entries) {
        System.out.printf("bad objects (%s):%n", HEAP);
        files.forEach((name, size) -> {
            JsonNode entry = entries.get(name);
            String answer = entry == null ? "MISSING" : entry.get("result").asText()
                    + (entry.has("error") ? ": " + entry.get("error").asText() : "");
            System.out.printf("  %-20s %12s -> %s%n", name, size, answer);
        });
    }
}
