package com.daynight.submission;

/** The service cannot take a request now (database unreachable, queue full); the client should retry later. */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
