package com.daynight.job;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Prediction;
import com.daynight.service.ImageResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WORKERS threads that decode and classify, shared by every service this instance runs. Each thread has
 * its own copy of the classifier, because Weka's SMO keeps state while it predicts.
 * <p>
 * Each picture has a time budget ({@code pictureTimeout}): a watchdog interrupts the thread when it runs
 * over, the decoders stop at their next check of the interrupt flag (between MCU rows of the DC decoder, at
 * each read of ImageIO's input), and the picture's entry says it took too long. {@link #abandonAll()} does the
 * same to every picture at shutdown, which then has no entry at all: the next owner does it again.
 */
public final class ClassifierPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClassifierPool.class);

    /** A picture's work was abandoned because this instance is stopping; it must not become an entry. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String image) {
            super("abandoned at shutdown: " + image, null, false, false);
        }
    }

    private final ExecutorService threads;
    private final int workers;
    private final ThreadLocal<DayNightClassifier> classifier;
    private final Duration pictureTimeout;
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "picture-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private volatile boolean abandoning;

    public ClassifierPool(DayNightClassifier model, int workers) {
        this(model, workers, Duration.ofHours(1));
    }

    public ClassifierPool(DayNightClassifier model, int workers, Duration pictureTimeout) {
        AtomicInteger counter = new AtomicInteger();
        this.workers = workers;
        this.threads = Executors.newFixedThreadPool(workers, r -> new Thread(r, "classify-" + counter.incrementAndGet()));
        this.classifier = ThreadLocal.withInitial(model::copy);
        this.pictureTimeout = pictureTimeout;
        watchdog.setRemoveOnCancelPolicy(true); // a picture done in time leaves no timer behind
    }

    /** How many pictures it classifies at once. */
    int workers() {
        return workers;
    }

    ExecutorService executor() {
        return threads;
    }

    /** Runs on one of the pool's threads; throws {@link Abandoned} when shutdown stopped it. */
    ImageResult classify(String image, byte[] jpeg) {
        if (abandoning) {
            throw new Abandoned(image);
        }
        Watch watch = new Watch(Thread.currentThread());
        running.add(watch);
        ScheduledFuture<?> timer = watchdog.schedule(watch::timeOut, pictureTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ImageResult result;
        try {
            if (abandoning) {
                watch.abandon(); // abandonAll() may have looked at the running set just before this one joined
            }
            result = classifyNow(image, jpeg);
        } finally {
            timer.cancel(false);
            watch.finish();
            running.remove(watch);
            Thread.interrupted(); // a watchdog's interrupt must not reach the thread's next picture
        }
        if (result instanceof ImageResult.Classified) {
            return result; // it made it after all
        }
        if (watch.abandoned) {
            throw new Abandoned(image);
        }
        if (watch.timedOut) {
            log.warn("{} ({} bytes) took more than {} s to decode; abandoned", image, jpeg.length,
                    pictureTimeout.toSeconds());
            return ImageResult.failed(image, "took too long to decode (limit " + pictureTimeout.toSeconds() + " s)");
        }
        return result;
    }

    private ImageResult classifyNow(String image, byte[] jpeg) {
        try {
            Prediction prediction = classifier.get().classify(jpeg);
            return ImageResult.classified(image, prediction.label(), prediction.confidence());
        } catch (ImageDecodeException e) {
            return ImageResult.failed(image, e.getMessage());
        } catch (RuntimeException e) {
            // One odd picture must not cost the user the rest of the bucket.
            log.warn("classifier failed on {}", image, e);
            return ImageResult.failed(image, "the classifier failed on this image");
        } catch (OutOfMemoryError e) {
            // Left to propagate, it would fail the service, and every retry would meet the same picture until
            // the service is given up. The allocation that failed was most likely this picture's own pixels,
            // so the heap is usable again once they are dropped.
            log.error("out of memory decoding {} ({} bytes)", image, jpeg.length);
            return ImageResult.failed(image, "not enough memory to decode this picture");
        }
    }

    /**
     * Shutdown: every picture being decoded is interrupted and every later one refused at once, each with
     * {@link Abandoned}, so the services can be handed back within moments rather than after the decodes.
     */
    void abandonAll() {
        abandoning = true;
        running.forEach(Watch::abandon);
    }

    @Override
    public void close() {
        abandonAll();
        threads.shutdownNow();
        watchdog.shutdownNow();
    }

    /** One picture's decode on one thread; the thread is interrupted only while the decode runs. */
    private static final class Watch {
        private final Thread thread;
        private boolean finished;
        volatile boolean timedOut;
        volatile boolean abandoned;

        Watch(Thread thread) {
            this.thread = thread;
        }

        synchronized void timeOut() {
            if (!finished) {
                timedOut = true;
                thread.interrupt();
            }
        }

        synchronized void abandon() {
            if (!finished) {
                abandoned = true;
                thread.interrupt();
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}
