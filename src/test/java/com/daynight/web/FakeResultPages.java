package com.daynight.web;

import com.daynight.persistence.ResultQuery;
import com.daynight.persistence.ResultsTable;
import com.daynight.service.ImageResult;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** ResultsTable.page answered from a list, as the database answers it: filtered, sorted with Seq last, one page. */
final class FakeResultPages {

    private FakeResultPages() {
    }

    /** ResultsTable.confidenceHistogram of the list. */
    static int[][] histogram(List<ImageResult> results, int bins) {
        int[][] counts = new int[2][bins];
        for (ImageResult r : results) {
            if (r instanceof ImageResult.Classified c) {
                int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((c.confidence() - 0.5) * bins * 2)));
                counts[r.result().equals("day") ? 0 : 1][bin]++;
            }
        }
        return counts;
    }

    static List<ResultsTable.Row> page(List<ImageResult> results, ResultQuery query) {
        Comparator<ResultsTable.Row> order = switch (query.order()) {
            case LISTING -> Comparator.comparingLong(ResultsTable.Row::seq);
            case NAME -> Comparator.comparing((ResultsTable.Row r) -> r.result().image())
                    .thenComparingLong(ResultsTable.Row::seq);
            case RESULT -> Comparator.comparing((ResultsTable.Row r) -> r.result().result())
                    .thenComparingLong(ResultsTable.Row::seq);
            case CONFIDENCE -> Comparator.comparingDouble((ResultsTable.Row r) ->
                    r.result() instanceof ImageResult.Classified c ? c.confidence() : -1)
                    .thenComparingLong(ResultsTable.Row::seq);
        };
        return IntStream.range(0, results.size()).mapToObj(i -> new ResultsTable.Row(i, results.get(i)))
                .filter(r -> query.result() == null || r.result().result().equals(query.result()))
                .sorted(query.descending() ? order.reversed() : order)
                .skip(query.offset()).limit(query.limit()).toList();
    }
}
