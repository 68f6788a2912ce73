package com.daynight.service;

/** How many results of a service are day, night and error so far. */
public record ResultCounts(long day, long night, long errors) {

    public static final ResultCounts NONE = new ResultCounts(0, 0, 0);

    public long total() {
        return day + night + errors;
    }
}
