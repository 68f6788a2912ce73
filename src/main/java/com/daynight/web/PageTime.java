package com.daynight.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A moment as a page writes it: ISO-8601 for the {@code <time datetime>} attribute, and a UTC text to read.
 * The server writes UTC, labelled so; the page script turns it into the reader's local time and keeps the
 * UTC text as the element's title.
 */
public final class PageTime {

    private static final DateTimeFormatter PAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Instant instant;

    private PageTime(Instant instant) {
        this.instant = instant;
    }

    /** Null for a time that has not happened yet, so pages can test it with {@code empty}. */
    static PageTime of(Instant instant) {
        return instant == null ? null : new PageTime(instant);
    }

    /** ISO-8601 with a Z, as the results document writes its times. */
    public String getIso() {
        return instant.toString();
    }

    /** For pages, e.g. {@code 2026-11-24 10:15:03 UTC}. */
    public String getUtc() {
        return PAGE.format(instant);
    }
}
