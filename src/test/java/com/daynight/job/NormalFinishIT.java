package com.daynight.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.persistence.ChunkListing;
import com.daynight.persistence.ChunkQueue;
import com.daynight.persistence.ChunkQueue.ChunkClaim;
import com.daynight.persistence.TestDatabase;
import com.daynight.persistence.TestTables;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ServiceStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A normal finish with one instance says nothing about lost claims. The heartbeat used to run between the
 * write that finished the row (and cleared its claim) and the claim's removal from the pool, found the row no
 * longer its owner's, and warned "claim lost to another instance". Here every write that ends a claim (the
 * listing's end, the chunk's completion) waits for a heartbeat, so that moment is certain rather than rare.
 */
class NormalFinishIT {

    /** The heartbeat runs every lease / 4, at least every 200 ms. */
    private static final Duration LEASE = Duration.ofMillis(800);

    /**
     * The real queue, whose writes that end a claim (the listing's end, a chunk's completion, which finishes the
     * service) let a heartbeat run, if one is due, before they return.
     */
    private static final class EndThenBeat extends WorkQueue {
        private final AtomicInteger beats = new AtomicInteger();
        private final ChunkQueue chunks;
        private final ChunkListing listing;

        EndThenBeat(DataSource dataSource) {
            super(dataSource);
            chunks = new ChunkQueue(dataSource) {
                @Override
                public Completion complete(ChunkClaim claim) throws SQLException {
                    Completion completion = super.complete(claim);
                    awaitBeat();
                    return completion;
                }

                @Override
                public boolean heartbeat(ChunkClaim claim) throws SQLException {
                    boolean kept = super.heartbeat(claim);
                    beats.incrementAndGet();
                    return kept;
                }
            };
            listing = new ChunkListing(dataSource) {
                @Override
                public Ending end(String id, String owner, int chunkNo, String first, int inLastChunk, long listed)
                        throws SQLException {
                    Ending ending = super.end(id, owner, chunkNo, first, inLastChunk, listed);
                    awaitBeat();
                    return ending;
                }
            };
        }

        @Override
        public ChunkQueue chunks() {
            return chunks;
        }

        @Override
        public ChunkListing listing() {
            return listing;
        }

        @Override
        public boolean heartbeat(String id, String owner) throws SQLException {
            boolean kept = super.heartbeat(id, owner);
            beats.incrementAndGet();
            return kept;
        }

        /** Waits up to four heartbeat periods for a heartbeat after the write. */
        private void awaitBeat() {
            int before = beats.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            try {
                while (beats.get() == before && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void noClaimLostWarningAfterANormalFinish() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(WorkerPool.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        InMemoryImageStore store = new InMemoryImageStore();
        for (int i = 0; i < 5; i++) {
            store.put("holiday", "img-" + i + ".jpg", new byte[] {1});
        }
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenReturn(new Prediction(Label.DAY, 0.9));
        try (TestDatabase db = TestDatabase.create()) {
            TestTables tables = new TestTables(db.dataSource());
            EndThenBeat queue = new EndThenBeat(db.dataSource());
            tables.insertQueued("FINE0001", "Ann", "holiday");
            try (WorkerPool pool = new WorkerPool(queue, store, classifier, "solo", 1, LEASE)) {
                pool.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!hasLine(lines, "service FINE0001 finished") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertEquals(ServiceStatus.FINISHED, tables.find("FINE0001").orElseThrow().status());
        } finally {
            logger.detachAppender(lines);
        }
        assertTrue(hasLine(lines, "service FINE0001 finished"), "the worker said it finished: " + text(lines.list));
        List<ILoggingEvent> warnings = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertEquals(List.of(), text(warnings), "no warning after a normal finish");
    }

    private static boolean hasLine(ListAppender<ILoggingEvent> lines, String start) {
        return List.copyOf(lines.list).stream().anyMatch(e -> e.getFormattedMessage().startsWith(start));
    }

    private static List<String> text(List<ILoggingEvent> events) {
        return List.copyOf(events).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
