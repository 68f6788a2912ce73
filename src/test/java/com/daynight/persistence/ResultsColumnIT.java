package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What finish stores in the Results column, on a real MariaDB: the whole document while one statement can carry
 * it, else the document without its Results array and a pointer to service_results, where every result stays.
 */
class ResultsColumnIT {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase db;
    private TestTables repository;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        repository = new TestTables(db.dataSource());
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    /** A claimed, started service with these results recorded, as a worker leaves it before finishing. */
    private ServiceRecord recorded(WorkQueue queue, String id, List<ImageResult> results) throws Exception {
        repository.insertQueued(id, "Ann", "big-bucket");
        assertEquals(id, queue.claimNext("me", LEASE).orElseThrow().serviceId());
        queue.markStarted(id, "me");
        appendAll(queue, id, results);
        return repository.find(id).orElseThrow();
    }

    private JsonNode stored(String id) throws Exception {
        return JSON.readTree(repository.storedDocument(id).orElseThrow()).get("serviceResults");
    }

    private static List<ImageResult> results(int count) {
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(ImageResult.classified(String.format("img-%06d.jpg", i), i % 3 == 0 ? Label.NIGHT : Label.DAY, 0.9));
        }
        return results;
    }

    @Test
    void aDocumentOverTheLimitKeepsEveryResultAndPointsToThem() throws Exception {
        WorkQueue queue = new WorkQueue(db.dataSource(), 2_000);
        recorded(queue, "OVER0001", results(100));

        assertTrue(queue.finish("OVER0001", "me"));

        ServiceRecord done = repository.find("OVER0001").orElseThrow();
        assertEquals(ServiceStatus.FINISHED, done.status());
        assertEquals(100, done.done());
        JsonNode doc = stored("OVER0001");
        assertFalse(doc.has("Results"), doc.toString());
        assertEquals("service_results", doc.get(ResultsDocument.RESULTS_STORED_IN).asText());
        assertEquals(100, doc.get(ResultsDocument.RESULTS_COUNT).asInt());
        assertEquals("Ann", doc.get("UserName").asText());
        assertEquals(results(100), repository.results("OVER0001"));
    }

    @Test
    void aDocumentUnderTheLimitIsStoredWhole() throws Exception {
        WorkQueue queue = new WorkQueue(db.dataSource(), 2_000);
        recorded(queue, "UNDR0001", results(10));

        assertTrue(queue.finish("UNDR0001", "me"));

        JsonNode doc = stored("UNDR0001");
        assertEquals(10, doc.get("Results").size());
        assertEquals("img-000009.jpg", doc.get("Results").get(9).get("image").asText());
        assertFalse(doc.has(ResultsDocument.RESULTS_STORED_IN));
    }

    @Test
    void resultsAreReadPageByPageInListingOrder() throws Exception {
        WorkQueue queue = new WorkQueue(db.dataSource());
        int count = ResultsTable.PAGE_SIZE * 2 + 1;
        recorded(queue, "PAGE0001", results(count));
        List<ImageResult> read = new ArrayList<>();
        new ResultsTable(db.dataSource()).forEach("PAGE0001", 0, read::add);
        assertEquals(results(count), read);
        assertEquals(results(5), new ResultsTable(db.dataSource()).page("PAGE0001",
                new ResultQuery(null, ResultQuery.Order.LISTING, false, 0, 5)).stream()
                .map(ResultsTable.Row::result).toList());
        List<ImageResult> rest = new ArrayList<>();
        new ResultsTable(db.dataSource()).forEach("PAGE0001", ResultsTable.PAGE_SIZE - 1, rest::add);
        assertEquals(results(count).subList(ResultsTable.PAGE_SIZE - 1, count), rest, "from an index, across pages");
        List<ImageResult> none = new ArrayList<>();
        new ResultsTable(db.dataSource()).forEach("PAGE0001", count, none::add);
        assertEquals(List.of(), none, "from the end: nothing");
        assertTrue(queue.finish("PAGE0001", "me"));
        assertEquals(count, stored("PAGE0001").get("Results").size());
    }

    /**
     * The size estimate against the real server's max_allowed_packet (MariaDB's default, 16 MiB): names full of
     * what JSON and then the driver escape (quotes, backslashes), and of multi-byte characters, fill a document
     * to within 100 bytes of the limit. Stored whole, the server must take it; one entry more turns it into the
     * pointer. An estimate that missed the escapes would count about half the bytes, and the server would refuse.
     */
    @Test
    void theRealServerTakesADocumentUpToTheLimitAndOneEntryMoreIsStoredAsAPointer() throws Exception {
        DataSource stock = db.withStockPacketLimit();
        repository = new TestTables(stock);
        WorkQueue queue = new WorkQueue(stock);
        long budget;
        try (Connection c = stock.getConnection()) {
            budget = new ResultsColumn(ResultsColumn.DEFAULT_MAX_BYTES).budget(c);
        }
        assertEquals(TestDatabase.STOCK_MAX_ALLOWED_PACKET - ResultsColumn.STATEMENT_ROOM, budget,
                "the server's limit binds, not the ceiling of our own");
        ServiceRecord header = recorded(queue, "FULL0001", List.of());
        List<ImageResult> results = fillTo(header, budget);
        appendAll(queue, "FULL0001", results);
        List<ImageResult> oneMore = new ArrayList<>(results);
        oneMore.add(ImageResult.classified("x".repeat(100), Label.DAY, 0.5));
        recorded(queue, "FULL0002", oneMore);

        assertTrue(queue.finish("FULL0001", "me"), "the whole document went into its row");
        assertTrue(queue.finish("FULL0002", "me"));

        JsonNode whole = stored("FULL0001");
        assertEquals(results.size(), whole.get("Results").size());
        assertEquals(results.get(7).image(), whole.get("Results").get(7).get("image").asText());
        JsonNode pointer = stored("FULL0002");
        assertFalse(pointer.has("Results"));
        assertEquals(oneMore.size(), pointer.get(ResultsDocument.RESULTS_COUNT).asInt());
        assertEquals(oneMore.size(), repository.find("FULL0002").orElseThrow().done());
    }

    private static void appendAll(WorkQueue queue, String id, List<ImageResult> results) throws Exception {
        for (int from = 0; from < results.size(); from += 1_000) {
            queue.appendResults(id, "me", from, results.subList(from, Math.min(results.size(), from + 1_000)));
        }
    }

    /** Results whose document measures between budget - 100 and budget statement bytes. */
    private static List<ImageResult> fillTo(ServiceRecord service, long budget) throws IOException {
        String heavy = "\"quoted\" \\back\\slash\\ 'single' 日本語 é ".repeat(30).substring(0, 990);
        List<ImageResult> results = new ArrayList<>();
        long perHeavy = size(service, List.of(ImageResult.classified(heavy + "000000", Label.NIGHT, 0.75)))
                - size(service, List.of()) + 1;
        long heavyCount = (budget - size(service, List.of())) / perHeavy - 1;
        for (int i = 0; i < heavyCount; i++) {
            results.add(ImageResult.classified(heavy + String.format("%06d", i), Label.NIGHT, 0.75));
        }
        long remaining = budget - size(service, results);
        while (remaining > 100) {
            int length = (int) Math.min(1_000, remaining - 60);
            results.add(ImageResult.classified("a".repeat(length), Label.DAY, 0.5));
            remaining = budget - size(service, results);
        }
        assertTrue(remaining >= 0 && remaining <= 100, "filled to within 100 bytes: " + remaining);
        return results;
    }

    private static long size(ServiceRecord service, List<ImageResult> results) throws IOException {
        try (BoundedText text = new BoundedText(Long.MAX_VALUE)) {
            ResultsDocument.write(service, results, false, text);
            return text.bytes();
        }
    }
}
