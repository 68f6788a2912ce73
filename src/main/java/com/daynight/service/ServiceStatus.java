package com.daynight.service;

import java.util.Locale;

/** The lifecycle of a service, stored in the Status column in lower case. */
public enum ServiceStatus {
    QUEUED, STARTED, FINISHED, FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }
}
