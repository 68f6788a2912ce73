package com.daynight.web;

import com.daynight.submission.ValidationException;

/**
 * Why a request gets no regular answer: the HTTP status, the message the client sees (it names the field
 * and the rule, never internals) and, for a field that breaks its rule, the field's name.
 */
record Problem(int status, String message, String field) {

    static Problem of(int status, String message) {
        return new Problem(status, message, null);
    }

    static Problem invalid(ValidationException e) {
        return new Problem(400, e.getMessage(), e.field());
    }

    /** A missing, forbidden or not-allowed bucket: 404 alike, naming the field. */
    static Problem bucketRefused(ValidationException e) {
        return new Problem(404, e.getMessage(), e.field());
    }

    static Problem invalid(String field, String message) {
        return new Problem(400, message, field);
    }

    static Problem notFound(String message) {
        return of(404, message);
    }

    static Problem unavailable(String reason) {
        return of(503, "the service cannot take this request now (" + reason + "); try again in a few seconds");
    }
}
