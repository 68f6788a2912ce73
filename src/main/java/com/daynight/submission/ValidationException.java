package com.daynight.submission;

/** A field of a submission breaks its rule; the message names the field and the rule. */
public class ValidationException extends RuntimeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
