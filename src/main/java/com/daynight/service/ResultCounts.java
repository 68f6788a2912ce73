package com.daynight.service;

/** How many results of a service are day, night and error so far. */
public record ResultCounts(int day, int night, int errors) {

    public static final ResultCounts NONE = new ResultCounts(0, 0, 0);

    public int total() {
        return day + night + errors;
    }
}
