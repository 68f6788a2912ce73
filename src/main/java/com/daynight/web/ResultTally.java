package com.daynight.web;

import com.daynight.service.ResultCounts;
import java.util.List;

/**
 * What the service page shows of the results: every answer counted (by the database), and the first rows its
 * filter keeps. A bucket of many thousand images is neither read nor held to draw its page.
 */
public final class ResultTally {

    private final ResultFilter filter;
    private final ResultCounts counts;
    private final List<ResultRow> rows;
    private final int maxRows;

    ResultTally(ResultFilter filter, ResultCounts counts, List<ResultRow> rows, int maxRows) {
        this.filter = filter;
        this.counts = counts;
        this.rows = rows;
        this.maxRows = maxRows;
    }

    public List<ResultRow> getRows() {
        return rows;
    }

    public long getDay() {
        return counts.day();
    }

    public long getNight() {
        return counts.night();
    }

    public long getErrors() {
        return counts.errors();
    }

    public long getTotal() {
        return counts.total();
    }

    /**
     * How many results the filter keeps, shown or not. The rows were read after the counts, so a running
     * service may have added some since: never fewer than the rows shown.
     */
    public long getMatching() {
        long counted = switch (filter) {
            case ALL -> counts.total();
            case DAY -> counts.day();
            case NIGHT -> counts.night();
            case ERROR -> counts.errors();
        };
        return Math.max(counted, rows.size());
    }

    /** The page lists fewer rows than the filter keeps: it says so and points to the JSON and CSV. */
    public boolean isTruncated() {
        return getMatching() > rows.size();
    }

    public int getMaxRows() {
        return maxRows;
    }
}
