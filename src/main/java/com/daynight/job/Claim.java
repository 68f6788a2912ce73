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

    /** The worker is about to end the claim itself (finish, fail, postpone, release): no heartbeat is due. */
    void markHandingBack() {
        handingBack = true;
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
