package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a service's work, with the image's LOG_FORMAT=json: every line is a JSON object in
 * Cloud Logging's shape, the service's lines carry its ServiceID, each request has its access line, and the
 * counters at /metrics move by what the service did.
 */
class OperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aServiceShowsInTheJsonLogAndInTheMetrics() throws Exception {
        Path buckets = work.resolve("buckets");
        int pictures = AmosBucket.create(buckets, "ops-bucket", 10);
        String id;
        RunningJar service;
        try (TestDatabase db = TestDatabase.create()) {
            int managementPort = RunningJar.freePort();
            service = RunningJar.start("operations", RunningJar.envWithDatabase(db, "MANAGEMENT_PORT",
                    Integer.toString(managementPort), "BUCKETS_DIR", buckets.toString(), "WORKERS", "2", "LOG_FORMAT", "json"));
            try (service) {
                ServiceClient client = new ServiceClient(service);
                URI metricsUrl = URI.create("http://127.0.0.1:" + managementPort + "/metrics");
                Metrics before = Metrics.scrape(metricsUrl);
                assertEquals(0, before.sum("daynight_images_classified_total"));
                assertEquals(0, before.value("daynight_services{status=\"finished\"}"));

                id = client.submitForm("userName=Ops&bucket=ops-bucket");
                assertEquals("finished", client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults")
                        .get("Status").asText());

                Metrics after = awaitFinishedCount(metricsUrl, 1);
                assertEquals(pictures, after.value("daynight_images_classified_total{result=\"day\"}")
                        + after.value("daynight_images_classified_total{result=\"night\"}"));
                assertEquals(0, after.value("daynight_images_classified_total{result=\"error\"}"));
                assertEquals(pictures, after.value("daynight_image_duration_seconds_count"));
                assertEquals(pictures, after.value("daynight_image_duration_seconds_bucket{le=\"+Inf\"}"));
                assertEquals(0, after.value("daynight_queue_depth"));
                assertEquals(0, after.sum("daynight_storage_errors_total"));
                assertEquals(0, after.value("daynight_database_errors_total"));
                assertTrue(after.value("jvm_threads_live_threads") > 0);
                assertTrue(service.stop().toSeconds() < 10);
            }
        }
        assertJsonLog(service.log(), id);
    }

    private static void assertJsonLog(String log, String id) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.strip().split("\n")) {
            JsonNode json = JSON.readTree(line); // fails on any line that is not JSON
            for (String field : List.of("timestamp", "severity", "message", "logger")) {
                assertTrue(json.hasNonNull(field), field + " missing: " + line);
            }
            lines.add(json);
        }
        assertTrue(lines.stream().anyMatch(l -> id.equals(text(l, "serviceId"))
                && l.get("message").asText().equals("service " + id + " finished in " + millis(l) + " ms")), log);
        // A service's own lines carry its ServiceID; the requests that ask about it are the web's, not its work.
        for (JsonNode line : lines) {
            if (line.get("message").asText().contains(id) && !line.has("httpRequest")) {
                assertEquals(id, text(line, "serviceId"), line.toString());
            }
        }
        JsonNode post = lines.stream().filter(l -> l.has("httpRequest")
                && l.get("httpRequest").get("requestMethod").asText().equals("POST")).findFirst().orElseThrow();
        assertEquals(202, post.get("httpRequest").get("status").asInt());
        assertEquals("/services", post.get("httpRequest").get("requestUrl").asText());
        assertTrue(post.get("httpRequest").get("latency").asText().matches("\\d+\\.\\d+s"));
        assertEquals("INFO", post.get("severity").asText());
        assertFalse(lines.stream().anyMatch(l -> l.get("severity").asText().equals("ERROR")), log);
    }

    private static String millis(JsonNode line) {
        return line.get("message").asText().replaceAll(".* in (\\d+) ms$", "$1");
    }

    private static String text(JsonNode line, String field) {
        return line.has(field) ? line.get(field).asText() : null;
    }

    /** The services gauges are read from the database at most every few seconds. */
    private static Metrics awaitFinishedCount(URI metricsUrl, int finished) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Metrics metrics = Metrics.scrape(metricsUrl);
        while (metrics.value("daynight_services{status=\"finished\"}") != finished && System.nanoTime() < deadline) {
            Thread.sleep(500);
            metrics = Metrics.scrape(metricsUrl);
        }
        assertEquals(finished, metrics.value("daynight_services{status=\"finished\"}"));
        return metrics;
    }

    /** One scrape of /metrics on the management port (MANAGEMENT_PORT), in Prometheus' text format. */
    private record Metrics(String text) {

        static Metrics scrape(URI metricsUrl) throws Exception {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metricsUrl).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.matches("text/plain; ?version=0\\.0\\.4.*"), type);
            return new Metrics(answer.body());
        }

        /** The sample named exactly so (name and labels), or NaN when absent. */
        double value(String sample) {
            return text.lines().filter(l -> l.startsWith(sample + " ")).mapToDouble(Metrics::number)
                    .findFirst().orElse(Double.NaN);
        }

        /** The sum of a metric's samples over all its labels. */
        double sum(String name) {
            return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .mapToDouble(Metrics::number).sum();
        }

        private static double number(String line) {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
    }
}
