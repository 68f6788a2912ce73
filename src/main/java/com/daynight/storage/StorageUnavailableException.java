package com.daynight.storage;

/**
 * Storage did not answer in time or answered with a server error (5xx, 429, a timeout), and went on doing so
 * through the client's own retries. Nothing is wrong with the bucket or the object: the service is put back and
 * tried again later, rather than failed or given error entries.
 */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
