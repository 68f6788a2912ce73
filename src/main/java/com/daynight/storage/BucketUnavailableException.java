package com.daynight.storage;

/** The bucket as a whole cannot be read (missing, access denied): the service fails with this reason. */
public class BucketUnavailableException extends RuntimeException {

    /**
     * What users read for a bucket that is missing, forbidden to the service's account or not allowed to them:
     * one text for every case, so that nobody learns from it which buckets exist. The reason goes to the log.
     */
    public static final String USER_MESSAGE = "bucket not found or not allowed";

    public BucketUnavailableException(String message) {
        super(message);
    }

    public BucketUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
