package com.daynight.web;

import java.time.Instant;

/** A moment as a page writes it: ISO-8601 for the {@code <time datetime>} attribute, and a UTC text to read. */
public final class PageTime {

    private final Instant instant;

    private PageTime(Instant instant) {
        this.instant = instant;
    }

    /** Null for a time that has not happened yet, so pages can test it with {@code empty}. */
    static PageTime of(Instant instant) {
        return instant == null ? null : new PageTime(instant);
    }

    public String getIso() {
        return UtcTimes.iso(instant);
    }

    public String getUtc() {
        return UtcTimes.forPage(instant);
    }
}
