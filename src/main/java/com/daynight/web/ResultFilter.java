package com.daynight.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Which results a service page lists: all, or only one kind of answer (the page's {@code show} parameter:
 * {@code all}, {@code day}, {@code night}, {@code errors}; {@code error}, which earlier pages linked to, too).
 */
public enum ResultFilter {
    ALL("all"), DAY("day"), NIGHT("night"), ERROR("errors");

    private final String parameter;

    ResultFilter(String parameter) {
        this.parameter = parameter;
    }

    /** The {@code show} value the page's links carry. */
    public String getValue() {
        return parameter;
    }

    /** The {@code result} the rows it keeps have in the database ("day", "night", "error"), null for all. */
    public String result() {
        return this == ALL ? null : name().toLowerCase(Locale.ROOT);
    }

    /** Missing is all; an unknown value is empty (the page says so rather than silently show everything). */
    static Optional<ResultFilter> fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ALL);
        }
        String wanted = value.trim();
        for (ResultFilter filter : values()) {
            if (filter.parameter.equalsIgnoreCase(wanted) || (filter != ALL && filter.result().equalsIgnoreCase(wanted))) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }
}
