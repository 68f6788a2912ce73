package com.daynight.job;

import java.sql.SQLException;

/**
 * A worker's hold on one service's listing or one chunk, shared between the worker, the heartbeat and shutdown:
 * the heartbeat renews it and marks it lost when another instance has taken it over, shutdown asks it to stop.
 */
final class Claim {

    /** Renews the lease in the database; false when the claim was lost. */
    interface Renewal {
        boolean renew() throws SQLException;
    }

    /** A write that ends this owner's claim itself (complete, finish, fail, postpone, release). */
    interface EndingWrite<T> {
        T run() throws SQLException;
    }

    /** What became of a claim; the log says when it finished its service. */
    interface Outcome {
        boolean finishedTheService();
    }

    private final String key;
    private final String serviceId;
    private final Renewal renewal;
    private volatile boolean lost;
    private volatile boolean stopRequested;
    private volatile boolean handingBack;

    Claim(String key, String serviceId, Renewal renewal) {
        this.key = key;
        this.serviceId = serviceId;
        this.renewal = renewal;
    }

    String key() {
        return key;
    }

    String serviceId() {
        return serviceId;
    }

    boolean renew() throws SQLException {
        return renewal.renew();
    }

    void markLost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    /**
     * Ends the claim with {@code write}, saying so first: a heartbeat that runs between that write and the
     * claim's removal finds the row no longer this owner's, and must not take the normal end for a lost claim.
     */
    <T> T handBack(EndingWrite<T> write) throws SQLException {
        handingBack = true;
        return write.run();
    }

    boolean isHandingBack() {
        return handingBack;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean isStopRequested() {
        return stopRequested;
    }
}
