package com.daynight.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show times: always UTC and labelled so, because the service's users sit in any time zone. */
final class UtcTimes {

    private static final DateTimeFormatter PAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    /** For pages, e.g. {@code 2026-11-24 10:15:03 UTC}; null for a time that has not happened yet. */
    static String forPage(Instant time) {
        return time == null ? null : PAGE.format(time);
    }
}
