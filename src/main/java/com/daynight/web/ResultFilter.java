package com.daynight.web;

import java.util.Locale;

/** Which results a service page lists: all, or only one kind of answer (the page's {@code show} parameter). */
public enum ResultFilter {
    ALL, DAY, NIGHT, ERROR;

    /** The parameter's value, also the {@code result} value of the rows it keeps (except for all). */
    public String getValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An unknown or missing value shows everything: a stale bookmark should still open the page. */
    static ResultFilter fromParameter(String value) {
        if (value != null) {
            for (ResultFilter filter : values()) {
                if (filter.getValue().equalsIgnoreCase(value.trim())) {
                    return filter;
                }
            }
        }
        return ALL;
    }
}
