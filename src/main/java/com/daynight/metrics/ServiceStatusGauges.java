package com.daynight.metrics;

import com.daynight.persistence.ServicesTable;
import com.daynight.service.ServiceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Map;

/**
 * Services by status and the queue's depth, for the whole database (every instance's work). One grouped count
 * serves all the gauges of a scrape, and is reused for a few seconds, so frequent scrapes cost the database little.
 */
final class ServiceStatusGauges {

    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final ServicesTable services;
    private Map<String, Long> latest;
    private boolean read;
    private long readAt;

    ServiceStatusGauges(ServicesTable services) {
        this.services = services;
    }

    void bindTo(MeterRegistry registry) {
        for (ServiceStatus status : ServiceStatus.values()) {
            Gauge.builder("daynight.services", this, g -> g.count(status.dbValue()))
                    .description("Services in each status, in the shared database")
                    .tag("status", status.dbValue())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("daynight.queue.depth", this, g -> g.count(ServiceStatus.QUEUED.dbValue()))
                .description("Services waiting for a worker of any instance")
                .strongReference(true)
                .register(registry);
    }

    /**
     * NaN when the database cannot say: a gap in the graph, not a false zero. A failed read is not retried before
     * the next refresh either, so a scrape during an outage waits for the database once, not once per gauge.
     */
    synchronized double count(String status) {
        if (!read || System.nanoTime() - readAt > MAX_AGE_NANOS) {
            read = true;
            try {
                latest = services.countByStatus();
            } catch (SQLException e) {
                latest = null;
            }
            readAt = System.nanoTime();
        }
        return latest == null ? Double.NaN : latest.getOrDefault(status, 0L);
    }
}
