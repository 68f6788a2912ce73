package com.daynight.persistence;

/**
 * Whose services a lookup may return: those owned by {@code principal}, or every one when {@code seesAll}
 * (an admin). The condition is part of each statement, so a service that is not the viewer's is never read.
 */
public record Viewer(String principal, boolean seesAll) {

    /** SQL on the services table aliased s; binds {@link #seesAll()} then {@link #principal()}. */
    static final String CONDITION = "(? OR s.Owner = ?)";
}
