package com.daynight.web;

import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;

/**
 * A service as the JSP pages show it. A bean with getters because Tomcat 10.1's EL does not read
 * record components as properties; every value here is still escaped by the pages.
 */
public final class ServiceView {

    private final ServiceRecord service;

    public ServiceView(ServiceRecord service) {
        this.service = service;
    }

    public String getServiceId() {
        return service.serviceId();
    }

    public String getUserName() {
        return service.userName();
    }

    public String getBucket() {
        return service.bucket();
    }

    public String getStatus() {
        return service.status().dbValue();
    }

    public String getRequestTime() {
        return UtcTimes.forPage(service.requestTime());
    }

    public String getStartTime() {
        return UtcTimes.forPage(service.startTime());
    }

    public String getEndTime() {
        return UtcTimes.forPage(service.endTime());
    }

    public String getError() {
        return service.error();
    }

    /** "n of m", or just "n" while the bucket is still being listed and m is unknown. */
    public String getProgress() {
        return service.total() == null ? Integer.toString(service.done()) : service.done() + " of " + service.total();
    }

    /** Queued and started services change under the reader's eyes; the page refreshes itself until they are done. */
    public boolean isRunning() {
        return !service.status().isDone();
    }

    public boolean isFailed() {
        return service.status() == ServiceStatus.FAILED;
    }
}
