package com.daynight.web;

import com.daynight.service.ResultCounts;
import java.util.List;

/**
 * What the service page shows of the results: every answer counted (by the database), and one page of the rows
 * its filter keeps, in its order. A bucket of many thousand images is neither read nor held to draw its page.
 */
public final class ResultTally {

    private final ResultFilter filter;
    private final ResultCounts counts;
    private final List<ResultRow> rows;
    private final int offset;
    private final int size;

    ResultTally(ResultFilter filter, ResultCounts counts, List<ResultRow> rows, int offset, int size) {
        this.filter = filter;
        this.counts = counts;
        this.rows = rows;
        this.offset = offset;
        this.size = size;
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
     * service may have added some since: never fewer than those up to the last row shown.
     */
    public long getMatching() {
        return Math.max(counted(filter, counts), offset + rows.size());
    }

    /** How many of the counted results the filter keeps. */
    static long counted(ResultFilter filter, ResultCounts counts) {
        return switch (filter) {
            case ALL -> counts.total();
            case DAY -> counts.day();
            case NIGHT -> counts.night();
            case ERROR -> counts.errors();
        };
    }

    /** The number of the first row shown, from 1; 0 when none is. */
    public int getFirstShown() {
        return rows.isEmpty() ? 0 : offset + 1;
    }

    public int getLastShown() {
        return offset + rows.size();
    }

    public int getPages() {
        return ResultListing.pageCount(getMatching(), size, ResultListing.MAX_OFFSET / size);
    }

    public int getMaxRows() {
        return size;
    }
}
