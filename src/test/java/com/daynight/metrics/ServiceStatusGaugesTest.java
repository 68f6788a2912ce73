package com.daynight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.daynight.persistence.ServicesTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceStatusGaugesTest {

    private final ServicesTable counts = mock(ServicesTable.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyStatusHasAGaugeAndOneQueryServesThemAll() throws Exception {
        when(counts.countByStatus()).thenReturn(Map.of("queued", 4L, "finished", 7L));
        new ServiceStatusGauges(counts).bindTo(registry);

        assertEquals(4.0, gauge("daynight.services", "queued"));
        assertEquals(0.0, gauge("daynight.services", "started"));
        assertEquals(7.0, gauge("daynight.services", "finished"));
        assertEquals(0.0, gauge("daynight.services", "failed"));
        assertEquals(4.0, registry.get("daynight.queue.depth").gauge().value());
        verify(counts, times(1)).countByStatus();
    }

    @Test
    void anUnreachableDatabaseGivesNoNumberAndIsNotAskedAgainAtOnce() throws Exception {
        when(counts.countByStatus()).thenThrow(new SQLException("Communications link failure"));
        new ServiceStatusGauges(counts).bindTo(registry);

        assertTrue(Double.isNaN(gauge("daynight.services", "queued")));
        assertTrue(Double.isNaN(registry.get("daynight.queue.depth").gauge().value()));
        verify(counts, times(1)).countByStatus();
    }

    private double gauge(String name, String status) {
        return registry.get(name).tag("status", status).gauge().value();
    }
}
