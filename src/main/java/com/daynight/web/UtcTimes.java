package com.daynight.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How pages show times. The server writes UTC, labelled so, inside a {@code <time datetime>} element; the
 * page script turns it into the reader's local time and keeps the UTC text as the element's title.
 */
final class UtcTimes {

    private static final DateTimeFormatter PAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    /** For pages, e.g. {@code 2026-11-24 10:15:03 UTC}; null for a time that has not happened yet. */
    static String forPage(Instant time) {
        return time == null ? null : PAGE.format(time);
    }

    /** For the datetime attribute: ISO-8601 with a Z, as the results document writes its times. */
    static String iso(Instant time) {
        return time == null ? null : time.toString();
    }
}
