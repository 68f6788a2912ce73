package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's sizes (db/V6__bigint_counters.sql): a service of more than 2^31 pictures. Its total, the place of a
 * result in the listing, where a resume starts and where a results document starts are all past what an INT
 * holds, and come back whole, on MariaDB and on MySQL 8 (.ci/sql-tests).
 */
class BigCountersIT {

    private static final long PAST_INT = (1L << 31) + 5; // 2,147,483,653
    private static final long TOTAL = 5_000_000_000L;

    private TestDatabase db;
    private WorkQueue queue;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        queue = new WorkQueue(db.dataSource());
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void sequenceNumbersAndTotalsPastTwoToTheThirtyOneAreStoredAndReadBackWhole() throws Exception {
        new TestTables(db.dataSource()).insertQueued("BIGCOUNT", "Ann", "huge");
        String owner = "worker-1";
        queue.claimNext(owner, Duration.ofSeconds(30)).orElseThrow();
        assertTrue(queue.setTotal("BIGCOUNT", owner, TOTAL));
        // As a resume past 2^31 writes them: three results from PAST_INT on, and one before, at the int's edge.
        assertTrue(queue.appendResults("BIGCOUNT", owner, Integer.MAX_VALUE,
                List.of(ImageResult.classified("edge.jpg", Label.DAY, 0.9))));
        assertTrue(queue.appendResults("BIGCOUNT", owner, PAST_INT, List.of(
                ImageResult.classified("a.jpg", Label.NIGHT, 0.8),
                ImageResult.classified("b.jpg", Label.DAY, 0.7),
                ImageResult.failed("c.jpg", "not a decodable JPEG"))));

        assertEquals(String.valueOf(PAST_INT + 2),
                db.query("SELECT MAX(Seq) FROM service_results WHERE ServiceID = 'BIGCOUNT'"));
        assertEquals("bigint", db.query("SELECT LOWER(DATA_TYPE) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'services' AND COLUMN_NAME = 'ImagesTotal'"));

        ServiceRecord record = new ServicesTable(db.dataSource()).find("BIGCOUNT").orElseThrow();
        assertEquals(TOTAL, record.total().longValue());
        assertEquals(4, record.done());

        List<String> fromPastInt = new ArrayList<>();
        // ?from= is an index among the results (chunks leave gaps in Seq): the third result on is b.jpg.
        new ResultsTable(db.dataSource()).forEach("BIGCOUNT", 2, r -> fromPastInt.add(r.image()));
        assertEquals(List.of("b.jpg", "c.jpg"), fromPastInt);

        // The results document streamed from there says where it starts, as a long.
        StringWriter out = new StringWriter();
        ResultsDocument.write(record, true, 2L, out,
                sink -> new ResultsTable(db.dataSource()).forEach("BIGCOUNT", 2, sink));
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("serviceResults");
        assertEquals(2L, results.get(ResultsDocument.RESULTS_FROM).asLong());
        assertEquals(TOTAL, results.get("Progress").get("total").asLong());
        assertEquals(2, results.get("Results").size());
    }

    @Test
    void theCountsByAnswerAreLongs() throws Exception {
        new TestTables(db.dataSource()).insertQueued("BIGCOUN2", "Ann", "huge");
        queue.claimNext("worker-1", Duration.ofSeconds(30)).orElseThrow();
        queue.appendResults("BIGCOUN2", "worker-1", PAST_INT, List.of(ImageResult.classified("a.jpg", Label.DAY, 0.9),
                ImageResult.classified("b.jpg", Label.NIGHT, 0.9)));
        ServicesTable.ServiceWithCounts counted = new ServicesTable(db.dataSource())
                .findWithCounts("BIGCOUN2", new Viewer("admin@example.com", true)).orElseThrow();
        assertEquals(1L, counted.counts().day());
        assertEquals(1L, counted.counts().night());
        assertEquals(2L, counted.counts().total());
    }
}
