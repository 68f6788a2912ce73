package com.daynight.web;

import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * A service as the JSP pages show it. A bean with getters because Tomcat 10.1's EL does not read
 * record components as properties; every value here is still escaped by the pages.
 */
public final class ServiceView {

    private final ServiceRecord service;
    private final ResultCounts counts;

    public ServiceView(ServiceRecord service) {
        this(service, null);
    }

    /** @param counts its answers counted, as the user list shows them; null where the page shows its own */
    public ServiceView(ServiceRecord service, ResultCounts counts) {
        this.service = service;
        this.counts = counts;
    }

    public Long getDay() {
        return counts == null ? null : counts.day();
    }

    public Long getNight() {
        return counts == null ? null : counts.night();
    }

    public Long getErrors() {
        return counts == null ? null : counts.errors();
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

    public PageTime getRequested() {
        return PageTime.of(service.requestTime());
    }

    public PageTime getStarted() {
        return PageTime.of(service.startTime());
    }

    public PageTime getEnded() {
        return PageTime.of(service.endTime());
    }

    public String getError() {
        return service.error();
    }

    /** Why a finished service has no result (an empty bucket, or no JPEG in it); null otherwise. */
    public String getNotice() {
        return service.notice();
    }

    /** Null while the bucket is still being listed. */
    public Long getTotal() {
        return service.total() == null ? null : Math.max(service.total(), service.done());
    }

    /** "n of m"; "n of at least m" while the bucket is still being listed; just "n" before anything is listed. */
    public String getProgress() {
        if (getTotal() == null) {
            return Long.toString(service.done());
        }
        return service.done() + (service.totalIsLowerBound() ? " of at least " : " of ") + getTotal();
    }

    /**
     * 0 to 100; null while a running service's total is unknown (the bar is then indeterminate). An empty
     * bucket is complete; a service that failed before listing its bucket did nothing.
     */
    public Integer getPercent() {
        Long total = getTotal();
        if (total == null) {
            return switch (service.status()) {
                case FINISHED -> 100;
                case FAILED -> 0;
                default -> null;
            };
        }
        if (service.totalIsLowerBound()) {
            return null; // a share of a lower bound would overstate it: the bar stays indeterminate
        }
        return total == 0 ? 100 : (int) Math.floor(100.0 * service.done() / total);
    }

    /** From the first image to the last, e.g. "4.2 s" or "3 min 12 s"; null until the service has ended. */
    // service-progress.js words a duration the same way when it sees a service end.
    public String getDuration() {
        if (service.startTime() == null || service.endTime() == null) {
            return null;
        }
        Duration took = Duration.between(service.startTime(), service.endTime());
        if (took.toMillis() < 100) {
            return "under 0.1 s";
        }
        if (took.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        }
        if (took.compareTo(Duration.ofHours(1)) < 0) {
            return took.toMinutes() + " min " + took.toSecondsPart() + " s";
        }
        return took.toHours() + " h " + took.toMinutesPart() + " min";
    }

    /** Queued and started services change under the reader's eyes; the page follows them until they are done. */
    public boolean isRunning() {
        return !service.status().isDone();
    }

    public boolean isFailed() {
        return service.status() == ServiceStatus.FAILED;
    }
}
