package com.daynight.submission;

/** The submitter already has USER_QUEUE_LIMIT services waiting: their own limit, not the service's. */
public class UserQueueFullException extends RuntimeException {
    private final int limit;

    public UserQueueFullException(int limit) {
        super("you already have " + limit + " services waiting, your own limit; submit again when some have started");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
