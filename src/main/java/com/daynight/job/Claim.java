package com.daynight.job;

/**
 * A worker's hold on one service, shared between the worker, the heartbeat and shutdown:
 * the heartbeat marks it lost when another instance has taken the service over, shutdown asks it to stop.
 */
final class Claim {
    private final String serviceId;
    private volatile boolean lost;
    private volatile boolean stopRequested;

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

    void requestStop() {
        stopRequested = true;
    }

    boolean isStopRequested() {
        return stopRequested;
    }
}
