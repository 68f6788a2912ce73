package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.persistence.ResultQuery.Order;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultCounts;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15: the service page's filtering, sorting and paging run in the database over all of a service's results,
 * here 10,500 of them whose names are not in listing order: page after page, every order comes out whole, in
 * order, without a result twice, and the counts add up. Prints the time of a first and a deep page per order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultPagesIT {

    private static final String ID = "PAGES001";
    private static final int COUNT = 10_500;
    private static final int PAGE = 1_000;

    private TestDatabase db;
    private ResultsTable results;
    private final List<ResultsTable.Row> seeded = new ArrayList<>();

    @BeforeAll
    void seed() throws Exception {
        db = TestDatabase.create();
        results = new ResultsTable(db.dataSource());
        Random random = new Random(15);
        List<ImageResult> all = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String name = String.format("img%05d.jpg", random.nextInt(100_000)); // repeats too: ties need Seq
            ImageResult r = i % 17 == 0 ? ImageResult.failed(name, "not a decodable JPEG")
                    : ImageResult.classified(name, i % 3 == 0 ? Label.NIGHT : Label.DAY,
                            0.5 + random.nextInt(500) / 1000.0);
            all.add(r);
            seeded.add(new ResultsTable.Row(i, r));
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(ServicesTable.insertQueued(c, ID, "Ann", "big", "ann@example.com"));
            ServicesTable.insertQueued(c, "OTHER001", "Bob", "big", "bob@example.com");
            ResultsTable.append(c, "OTHER001", 0, all.subList(0, 50)); // another service's rows never show
            for (int from = 0; from < COUNT; from += 1_000) {
                ResultsTable.append(c, ID, from, all.subList(from, Math.min(COUNT, from + 1_000)));
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        db.close();
    }

    @Test
    void descendingNamesGiveTheLastNameFirstAcrossEveryPage() throws Exception {
        Comparator<ResultsTable.Row> byName = Comparator.comparing((ResultsTable.Row r) -> r.result().image())
                .thenComparingLong(ResultsTable.Row::seq);
        assertPagesAre(null, Order.NAME, true, seeded.stream().sorted(byName.reversed()).toList());
        assertPagesAre(null, Order.NAME, false, seeded.stream().sorted(byName).toList());
    }

    @Test
    void eachFilterKeepsItsResultsInListingOrder() throws Exception {
        for (String kind : List.of("day", "night", "error")) {
            Predicate<ResultsTable.Row> keeps = r -> r.result().result().equals(kind);
            assertPagesAre(kind, Order.LISTING, false, seeded.stream().filter(keeps).toList());
        }
        assertPagesAre(null, Order.LISTING, true,
                seeded.stream().sorted(Comparator.comparingLong(ResultsTable.Row::seq).reversed()).toList());
    }

    @Test
    void confidenceAndResultOrdersAreWholeAndStable() throws Exception {
        Comparator<ResultsTable.Row> byConfidence = Comparator.comparingDouble((ResultsTable.Row r) ->
                r.result() instanceof ImageResult.Classified c ? c.confidence() : Double.NEGATIVE_INFINITY)
                .thenComparingLong(ResultsTable.Row::seq);
        assertPagesAre(null, Order.CONFIDENCE, false, seeded.stream().sorted(byConfidence).toList());
        assertPagesAre("night", Order.CONFIDENCE, true, seeded.stream()
                .filter(r -> r.result().result().equals("night")).sorted(byConfidence.reversed()).toList());
        Comparator<ResultsTable.Row> byResult = Comparator.comparing((ResultsTable.Row r) -> r.result().result())
                .thenComparingLong(ResultsTable.Row::seq);
        assertPagesAre(null, Order.RESULT, false, seeded.stream().sorted(byResult).toList());
    }

    @Test
    void countsAndTheHistogramCoverEveryResult() throws Exception {
        ResultCounts counts = new ServicesTable(db.dataSource()).findWithCounts(ID, new Viewer("ann@example.com", false))
                .orElseThrow().counts();
        long errors = seeded.stream().filter(r -> r.result() instanceof ImageResult.Failed).count();
        long nights = seeded.stream().filter(r -> r.result().result().equals("night")).count();
        assertEquals(new ResultCounts((int) (COUNT - errors - nights), (int) nights, (int) errors), counts);
        int[][] histogram = results.confidenceHistogram(ID, 10);
        assertEquals(counts.day(), java.util.Arrays.stream(histogram[0]).sum());
        assertEquals(counts.night(), java.util.Arrays.stream(histogram[1]).sum());
        assertTrue(results.at(ID, COUNT).isEmpty());
        assertEquals(seeded.get(COUNT - 1).result(), results.at(ID, COUNT - 1).orElseThrow());
    }

    @Test
    void aUsersServicesArePagedBeyondAHundredWithTheirCounts() throws Exception {
        ServicesTable services = new ServicesTable(db.dataSource());
        try (Connection c = db.dataSource().getConnection()) {
            for (int i = 0; i < 130; i++) {
                ServicesTable.insertQueued(c, String.format("MANY%04d", i), "Many", "b", "many@example.com");
            }
            ResultsTable.append(c, "MANY0007", 0, List.of(ImageResult.classified("a.jpg", Label.DAY, 0.9),
                    ImageResult.classified("b.jpg", Label.NIGHT, 0.8), ImageResult.failed("c.jpg", "bad")));
        }
        Viewer owner = new Viewer("many@example.com", false);
        ServicesTable.UserPage first = services.findByUser("Many", owner, 0, 100);
        ServicesTable.UserPage second = services.findByUser("Many", owner, 100, 100);
        assertEquals(130, first.total());
        assertEquals(100, first.services().size());
        assertEquals(30, second.services().size());
        List<String> ids = new ArrayList<>();
        first.services().forEach(s -> ids.add(s.service().serviceId()));
        second.services().forEach(s -> ids.add(s.service().serviceId()));
        assertEquals(130, ids.stream().distinct().count(), "no service on two pages, none left out");
        assertEquals(new ResultCounts(1, 1, 1), java.util.stream.Stream.concat(first.services().stream(),
                second.services().stream()).filter(s -> s.service().serviceId().equals("MANY0007")).findFirst()
                .orElseThrow().counts());
        assertEquals(0, services.findByUser("Many", new Viewer("other@example.com", false), 0, 100).total(),
                "another principal sees none of them");
    }

    /** Reads every page of the query and compares the whole with what the seed says it must be. */
    private void assertPagesAre(String kind, Order order, boolean descending, List<ResultsTable.Row> expected)
            throws Exception {
        List<Long> got = new ArrayList<>();
        long firstNanos = 0;
        long deepNanos = 0;
        for (int offset = 0; offset < expected.size() + PAGE; offset += PAGE) {
            long began = System.nanoTime();
            List<ResultsTable.Row> page = results.page(ID, new ResultQuery(kind, order, descending, offset, PAGE));
            long took = System.nanoTime() - began;
            if (offset == 0) {
                firstNanos = took;
            }
            if (!page.isEmpty()) {
                deepNanos = took; // the last page with rows: the deepest offset
            }
            page.forEach(row -> got.add(row.seq()));
            assertTrue(page.size() == PAGE || offset + page.size() >= expected.size(), "only the last page is short");
        }
        assertEquals(expected.stream().map(ResultsTable.Row::seq).toList(), got,
                kind + " by " + order + (descending ? " descending" : ""));
        System.out.printf("result pages: %s %s%s, %d results, %d a page: first page %.1f ms, last page %.1f ms%n",
                kind == null ? "all" : kind, order, descending ? " desc" : "", expected.size(), PAGE,
                firstNanos / 1e6, deepNanos / 1e6);
    }
}
