package com.daynight.metrics;

import com.daynight.job.WorkMetrics;
import com.daynight.persistence.ServicesTable;
import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.storage.ImageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The instance's metrics, served at /metrics in Prometheus' text format: images classified (by result), the
 * time per image, services by status and the queue's depth (read from the shared database), storage and
 * database errors, and the JVM's own.
 */
public final class AppMetrics implements WorkMetrics, AutoCloseable {

    /** Buckets of the per-image histogram: a small AMOS frame takes a millisecond, a 12 MP photo from GCS seconds. */
    private static final Duration[] IMAGE_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, Counter> imagesByResult = new ConcurrentHashMap<>();
    private final Timer imageTime;
    private final Counter databaseErrors;

    public AppMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        imageTime = Timer.builder("daynight.image.duration")
                .description("Time per image, from the start of its download to its result")
                .serviceLevelObjectives(IMAGE_BUCKETS)
                .register(registry);
        databaseErrors = Counter.builder("daynight.database.errors")
                .description("SQL exceptions raised by the database or the connection pool")
                .register(registry);
        for (Label label : Label.values()) {
            imagesCounter(label.jsonName());
        }
        imagesCounter(ImageResult.ERROR);
    }

    @Override
    public void imageDone(ImageResult result, long nanos) {
        imagesCounter(result.result()).increment();
        imageTime.record(Duration.ofNanos(nanos));
    }

    private Counter imagesCounter(String result) {
        return imagesByResult.computeIfAbsent(result, r -> Counter.builder("daynight.images.classified")
                .description("Images done, by result (day, night, or error when one could not be read or decoded)")
                .tag("result", r)
                .register(registry));
    }

    /** The same store, counting its failures as storage errors. */
    public ImageStore countingErrors(ImageStore store) {
        return new MeteredImageStore(store, registry);
    }

    /** The same database, counting every SQLException that comes out of it as a database error. */
    public DataSource countingErrors(DataSource dataSource) {
        return DatabaseErrorCounting.wrap(dataSource, databaseErrors::increment);
    }

    /** Gauges of the services in each status and of the queue, read from the database at most every few seconds. */
    public void watch(ServicesTable services) {
        new ServiceStatusGauges(services).bindTo(registry);
    }

    /** Every metric, in Prometheus' text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
