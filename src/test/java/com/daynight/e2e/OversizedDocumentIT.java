package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.persistence.TestTables;
import com.daynight.persistence.TestDatabase;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service of 300,000 results, whose document (about 22 MB) is more than MariaDB's default max_allowed_packet
 * (16 MiB) lets one statement carry: finishing it used to fail on every attempt until the service was given up.
 * Now it finishes, every result stays in service_results, the Results column points there, and the jar (in a
 * small heap) still serves the whole document, streamed from the database.
 */
class OversizedDocumentIT {

    private static final int RESULTS = 300_000;
    private static final String ID = "HUGE0001";
    private static final String OWNER = "the-test";
    private static final String MAX_HEAP = "128m";

    @TempDir
    Path work;

    private static String image(int i) {
        return String.format(Locale.ROOT, "photos/2024/img-%06d.jpg", i);
    }

    private static ImageResult result(int i) {
        return i % 1_000 == 999 ? ImageResult.failed(image(i), "not a decodable JPEG")
                : ImageResult.classified(image(i), i % 3 == 0 ? Label.NIGHT : Label.DAY, 0.5 + (i % 500) / 1_000.0);
    }

    @Test
    void aServiceTooBigForOneRowFinishesAndItsWholeDocumentIsStillServed() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            DataSource stock = db.withStockPacketLimit();
            TestTables repository = new TestTables(stock);
            WorkQueue queue = new WorkQueue(stock);
            long staging = System.nanoTime();
            stageAllResults(repository, queue);
            double stagingSeconds = (System.nanoTime() - staging) / 1e9;

            String whole = ResultsDocument.toJson(repository.find(ID).orElseThrow(), repository.results(ID));
            long packet = maxAllowedPacket(stock);
            assertEquals(TestDatabase.STOCK_MAX_ALLOWED_PACKET, packet);
            assertTrue(whole.getBytes(StandardCharsets.UTF_8).length > packet, "the document is too big for a row");
            assertThrows(SQLException.class, () -> storeInOneRow(stock, whole), "what finish used to do, refused");

            long finishing = System.nanoTime();
            assertTrue(queue.finish(ID, OWNER));
            double finishSeconds = (System.nanoTime() - finishing) / 1e9;
            assertEquals(ServiceStatus.FINISHED, repository.find(ID).orElseThrow().status());
            JsonNode stored = new ObjectMapper().readTree(repository.storedDocument(ID).orElseThrow())
                    .get("serviceResults");
            assertFalse(stored.has("Results"));
            assertEquals("service_results", stored.get(ResultsDocument.RESULTS_STORED_IN).asText());
            assertEquals(RESULTS, stored.get(ResultsDocument.RESULTS_COUNT).asInt());

            Path gcLog = Path.of("target", "e2e-logs", "oversized-gc-" + System.currentTimeMillis() + ".log");
            Files.createDirectories(gcLog.getParent());
            Map<String, String> env = RunningJar.envWithDatabase(db,
                    "DATA_DIR", work.resolve("data").toString());
            try (RunningJar service = RunningJar.start("oversized", env, HeapLog.jvmOptions(MAX_HEAP, gcLog))) {
                long fetching = System.nanoTime();
                AtomicInteger index = new AtomicInteger();
                StreamedDocument.Summary summary = StreamedDocument.read(service, ID, entry -> {
                    ImageResult expected = result(index.getAndIncrement());
                    assertEquals(expected.image(), entry.get("image").asText());
                    assertEquals(expected.result(), entry.get("result").asText());
                });
                double fetchSeconds = (System.nanoTime() - fetching) / 1e9;
                assertEquals(RESULTS, summary.entries());
                assertEquals("finished", summary.fields().get("Status").asText());
                assertEquals(RESULTS, summary.fields().get("Progress").get("done").asInt());
                int peak = HeapLog.read(gcLog).stream().mapToInt(HeapLog.Collection::beforeMb).max().orElse(0);
                System.out.printf(Locale.ROOT, "OversizedDocumentIT: %d results, a document of %.1f MB against"
                                + " a max_allowed_packet of %d MiB%n  staged in %.1f s; finish took %.2f s (pointer"
                                + " stored); GET ?format=json streamed all of it in %.1f s from a jar in -Xmx%s"
                                + " (peak heap %d MiB)%n",
                        RESULTS, whole.getBytes(StandardCharsets.UTF_8).length / 1e6, packet >> 20, stagingSeconds,
                        finishSeconds, fetchSeconds, MAX_HEAP, peak);
            }
        }
    }

    /** What a worker leaves behind before finishing: a claimed, started service with every result recorded. */
    private static void stageAllResults(TestTables repository, WorkQueue queue) throws SQLException {
        repository.insertQueued(ID, "Ann", "huge-bucket");
        assertEquals(ID, queue.claimNext(OWNER, Duration.ofMinutes(30)).orElseThrow().serviceId());
        assertTrue(queue.setTotal(ID, OWNER, RESULTS));
        assertTrue(queue.markStarted(ID, OWNER));
        for (int from = 0; from < RESULTS; from += 5_000) {
            List<ImageResult> batch = new ArrayList<>();
            for (int i = from; i < from + 5_000; i++) {
                batch.add(result(i));
            }
            assertTrue(queue.appendResults(ID, OWNER, from, batch));
        }
    }

    private static long maxAllowedPacket(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT @@max_allowed_packet");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void storeInOneRow(DataSource db, String document) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE services SET Results = ? WHERE ServiceID = ?")) {
            update.setString(1, document);
            update.setString(2, ID);
            update.executeUpdate();
        }
    }
}
