package com.daynight.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.service.ImageResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-picture deadline and the abandoning at shutdown, with a classifier that decodes until interrupted. */
class ClassifierPoolTest {

    private ClassifierPool pool;

    @AfterEach
    void stop() {
        pool.close();
    }

    /** Byte 0 of the "JPEG" says: 1 spins until interrupted (as the decoders do), 0 answers at once. */
    private ClassifierPool pool(Duration timeout) throws Exception {
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenAnswer(call -> {
            if (((byte[]) call.getArgument(0))[0] == 1) {
                while (!Thread.currentThread().isInterrupted()) {
                    Math.sqrt(Math.random()); // CPU work that never sleeps
                }
                throw new ImageDecodeException("decode interrupted");
            }
            return new Prediction(Label.DAY, 0.9);
        });
        pool = new ClassifierPool(classifier, 1, timeout);
        return pool;
    }

    private Future<ImageResult> submit(String name, int kind) {
        return pool.executor().submit(() -> pool.classify(name, new byte[] {(byte) kind}));
    }

    @Test
    void aPictureOverItsTimeBecomesItsOwnErrorAndTheThreadGoesOnWithTheNext() throws Exception {
        pool(Duration.ofSeconds(1));
        long started = System.nanoTime();
        ImageResult slow = submit("slow.jpg", 1).get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ImageResult.failed("slow.jpg", "took too long to decode (limit 1 s)"), slow);
        assertTrue(millis >= 1_000 && millis < 3_000, "abandoned after " + millis + " ms");

        ImageResult next = submit("next.jpg", 0).get(10, TimeUnit.SECONDS);
        assertEquals("day", next.result(), "the same thread, not left interrupted: " + next);
    }

    @Test
    void atShutdownTheDecodeInProgressIsAbandonedAtOnceAndLaterOnesAreRefused() throws Exception {
        pool(Duration.ofSeconds(60));
        Future<ImageResult> running = submit("big.jpg", 1);
        Thread.sleep(200);
        long started = System.nanoTime();
        pool.abandonAll();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> running.get(5, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertInstanceOf(ClassifierPool.Abandoned.class, e.getCause(), "no entry for it: the next owner redoes it");
        assertTrue(millis < 500, "abandoned in " + millis + " ms");
        ExecutionException later = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> CompletableFuture.supplyAsync(() -> pool.classify("later.jpg", new byte[] {0}), pool.executor())
                        .get(5, TimeUnit.SECONDS));
        assertInstanceOf(ClassifierPool.Abandoned.class, later.getCause());
    }
}
