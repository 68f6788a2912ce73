package com.daynight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Iterator;
import java.util.Optional;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppMetricsTest {

    private final AppMetrics metrics = new AppMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void imagesAreCountedByResultAndTimed() {
        metrics.imageDone(ImageResult.classified("a.jpg", Label.DAY, 0.9), 3_000_000);
        metrics.imageDone(ImageResult.classified("b.jpg", Label.NIGHT, 0.8), 40_000_000);
        metrics.imageDone(ImageResult.failed("c.jpg", "not a JPEG"), 1_000_000);

        String scrape = metrics.scrape();

        assertTrue(scrape.contains("daynight_images_classified_total{result=\"day\"} 1.0"), scrape);
        assertTrue(scrape.contains("daynight_images_classified_total{result=\"night\"} 1.0"), scrape);
        assertTrue(scrape.contains("daynight_images_classified_total{result=\"error\"} 1.0"), scrape);
        assertTrue(scrape.contains("daynight_image_duration_seconds_count 3"), scrape);
        assertTrue(scrape.contains("daynight_image_duration_seconds_bucket{le=\"0.005\"} 2"), scrape);
        assertTrue(scrape.contains("daynight_image_duration_seconds_bucket{le=\"0.05\"} 3"), scrape);
    }

    @Test
    void theJvmIsMeasuredToo() {
        String scrape = metrics.scrape();

        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_", "process_uptime_seconds",
                "process_cpu_usage")) {
            assertTrue(scrape.contains(name), name);
        }
    }

    @Test
    void storageErrorsAreCountedForReadsAndForListingsThatFailLazily() {
        ImageStore failing = new ImageStore() {
            @Override
            public Optional<String> bucketNameProblem(String bucket) {
                return Optional.empty();
            }

            @Override
            public Iterable<ImageObject> listJpegs(String bucket) {
                return () -> new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        throw new BucketUnavailableException("access denied to " + bucket);
                    }

                    @Override
                    public ImageObject next() {
                        throw new AssertionError();
                    }
                };
            }

            @Override
            public byte[] read(String bucket, String objectName) throws IOException {
                throw new IOException("connection reset");
            }
        };
        ImageStore store = metrics.countingErrors(failing);

        assertThrows(IOException.class, () -> store.read("b", "x.jpg"));
        Iterator<ImageObject> listing = store.listJpegs("b").iterator();
        assertThrows(BucketUnavailableException.class, listing::hasNext);

        String scrape = metrics.scrape();
        assertTrue(scrape.contains("daynight_storage_errors_total{operation=\"read\"} 1.0"), scrape);
        assertTrue(scrape.contains("daynight_storage_errors_total{operation=\"list\"} 1.0"), scrape);
    }

    @Test
    void databaseErrorsAreCountedWhereverTheyComeOut() throws Exception {
        Connection connection = mock(Connection.class);
        when(connection.prepareStatement("SELECT 1")).thenThrow(new SQLException("Lock wait timeout", "40001", 1205));
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection())
                .thenThrow(new SQLTransientConnectionException("daynight - Connection is not available"))
                .thenReturn(connection);
        DataSource counted = metrics.countingErrors(dataSource);

        assertThrows(SQLException.class, counted::getConnection);
        try (Connection c = counted.getConnection()) {
            assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1"));
        }

        assertTrue(metrics.scrape().contains("daynight_database_errors_total 2.0"), metrics.scrape());
    }
}
