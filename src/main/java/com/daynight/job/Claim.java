package com.daynight.job;

/**
 * A worker's hold on one service, shared between the worker, the heartbeat and shutdown:
 * the heartbeat marks it lost when another instance has taken the service over, shutdown asks it to stop.
 */
final class Claim {
    private final String serviceId;
    private volatile boolean lost;
    private volatile boolean stopRequested;
    private volatile boolean handingBack;

    Claim(String serviceId) {
        this.serviceId = serviceId;
    }

    String serviceId() {
        return serviceId;
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
