package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13: names and error texts of any length are written without failing the batch or the service. */
class ResultTextLengthsIT {

    private TestDatabase db;
    private TestTables tables;
    private WorkQueue queue;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        tables = new TestTables(db.dataSource());
        queue = new WorkQueue(db.dataSource());
        tables.insertQueued("LONG0001", "Ann", "holiday");
        queue.claimNext("me", Duration.ofSeconds(30)).orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void longNamesLongErrorsAndInvalidTextAreStoredWholeOrMarked() throws Exception {
        String name1211 = "deep/".repeat(241) + "x.jpg"; // 1,210 characters, over the old VARCHAR(1024)
        String name10k = "n".repeat(10_000) + ".jpg";
        String invalid = "bad\uD800name.jpg";
        String error5k = "cannot read the object: " + "e".repeat(5_000);
        List<ImageResult> batch = List.of(
                ImageResult.classified("ok.jpg", Label.DAY, 0.9),
                ImageResult.classified(name1211, Label.NIGHT, 0.8),
                ImageResult.failed(name10k, error5k),
                ImageResult.failed(invalid, "object '" + invalid + "' no longer exists"));
        assertTrue(queue.appendResults("LONG0001", "me", 0, batch));

        List<ImageResult> stored = tables.results("LONG0001");
        assertEquals(4, stored.size());
        assertEquals("ok.jpg", stored.get(0).image());
        assertEquals(name1211, stored.get(1).image(), "a 1,210-character name is kept whole");
        assertEquals(ResultText.image(name10k), stored.get(2).image());
        assertEquals(ResultText.MAX_IMAGE_CHARS, stored.get(2).image().length());
        assertEquals(ResultText.MAX_ERROR_CHARS, ((ImageResult.Failed) stored.get(2)).error().length());
        assertEquals("bad\uFFFDname.jpg", stored.get(3).image());
        assertTrue(queue.finish("LONG0001", "me"));
    }

    @Test
    void aRowTheDatabaseStillRefusesBecomesAnErrorEntryAndTheOthersAreKept() throws Exception {
        // A database whose column is narrower than ResultText's bound: the refusal is a data error (22001).
        db.execute("ALTER TABLE service_results MODIFY COLUMN Image VARCHAR(300) NOT NULL");
        String name = "deep/".repeat(300) + "x.jpg";
        assertTrue(queue.appendResults("LONG0001", "me", 0, List.of(
                ImageResult.classified("a.jpg", Label.DAY, 0.9),
                ImageResult.classified(name, Label.NIGHT, 0.8),
                ImageResult.classified("b.jpg", Label.NIGHT, 0.7))));

        List<ImageResult> stored = tables.results("LONG0001");
        assertEquals(3, stored.size());
        assertEquals("a.jpg", stored.get(0).image());
        assertEquals(ResultText.safeAscii(name), stored.get(1).image());
        assertTrue(((ImageResult.Failed) stored.get(1)).error().contains("could not be stored"));
        assertEquals("b.jpg", stored.get(2).image());
        assertTrue(queue.finish("LONG0001", "me"));
        assertEquals("1", db.query("SELECT Attempts FROM services WHERE ServiceID = 'LONG0001'"));
    }
}
