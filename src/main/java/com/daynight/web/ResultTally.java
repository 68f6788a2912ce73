package com.daynight.web;

import com.daynight.service.ImageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Goes once through a service's results as the database streams them: counts every answer, and keeps the
 * first rows the page's filter shows. A bucket of many thousand images is counted without being held.
 */
public final class ResultTally implements Consumer<ImageResult> {

    private final ResultFilter filter;
    private final int maxRows;
    private final List<ResultRow> rows = new ArrayList<>();
    private int day;
    private int night;
    private int errors;
    private int matching;

    ResultTally(ResultFilter filter, int maxRows) {
        this.filter = filter;
        this.maxRows = maxRows;
    }

    @Override
    public void accept(ImageResult result) {
        switch (result.result()) {
            case "day" -> day++;
            case "night" -> night++;
            default -> errors++;
        }
        if (filter.keeps(result)) {
            matching++;
            if (rows.size() < maxRows) {
                rows.add(new ResultRow(result));
            }
        }
    }

    public List<ResultRow> getRows() {
        return rows;
    }

    public int getDay() {
        return day;
    }

    public int getNight() {
        return night;
    }

    public int getErrors() {
        return errors;
    }

    public int getTotal() {
        return day + night + errors;
    }

    /** How many results the filter keeps, shown or not. */
    public int getMatching() {
        return matching;
    }

    /** The page lists fewer rows than the filter keeps: it says so and points to the JSON and CSV. */
    public boolean isTruncated() {
        return matching > rows.size();
    }

    public int getMaxRows() {
        return maxRows;
    }
}
