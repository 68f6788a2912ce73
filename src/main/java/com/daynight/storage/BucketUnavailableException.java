package com.daynight.storage;

/** The bucket as a whole cannot be read (missing, access denied): the service fails with this reason. */
public class BucketUnavailableException extends RuntimeException {
    public BucketUnavailableException(String message) {
        super(message);
    }

    public BucketUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
