package com.daynight.job;

import com.daynight.logging.MdcPropagation;
import com.daynight.service.ImageResult;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads (I/O threads) overlap with decoding and classifying (the CPU pool), with as many images held at
 * once as a {@link FetchWindow} allows (enough to hide the store's latency) and their bytes within a
 * {@link ByteBudget} shared by the instance's pipelines, so memory stays flat whatever the bucket's size and its
 * objects' sizes. An object
 * larger than {@code maxObjectBytes} (by the listing's size) gets its error entry without being read. Results
 * leave in the bucket's listing order: the oldest image in flight is always the next one handed on.
 */
public final class ImagePipeline {

    private static final Logger log = LoggerFactory.getLogger(ImagePipeline.class);
    /** How long a waiting pipeline sleeps between looks at a stop request while the byte budget is taken. */
    private static final long BUDGET_POLL_MILLIS = 100;
    /** On a stop request, images still in flight after this long are left for the next owner. */
    static final long STOP_WAIT_MILLIS = 1_000;
    /**
     * The most images one pipeline holds in flight, however slow the store: 100 ms per GET at 5,000 images/s
     * asks for 500. Each download in progress takes a thread of the download pool.
     */
    public static final int MAX_IN_FLIGHT = 512;

    /** How a run of the pipeline ended. */
    public enum Ending { COMPLETED, STOPPED, REFUSED }

    /** Takes results in listing order; false when it will take no more (the claim was lost). */
    public interface ResultSink {
        boolean accept(ImageResult result) throws SQLException;
    }

    private final ImageStore store;
    private final Executor downloads;
    private final ClassifierPool classifiers;
    private final Executor classifying;
    private final FetchWindow window;
    private final WorkMetrics metrics;
    private final long maxObjectBytes;
    private final ByteBudget budget;

    /** Exactly {@code maxInFlight} images in flight, no byte budget: tests that count what is held. */
    public ImagePipeline(ImageStore store, Executor downloads, ClassifierPool classifiers, int maxInFlight) {
        this(store, downloads, classifiers, FetchWindow.fixed(maxInFlight), WorkMetrics.NONE, Long.MAX_VALUE,
                ByteBudget.unlimited());
    }

    /**
     * At least {@code minInFlight} images in flight, more (up to {@link #MAX_IN_FLIGHT}) while the store's
     * latency asks for them; {@code downloads} must run as many downloads at once (a cached thread pool).
     */
    public ImagePipeline(ImageStore store, Executor downloads, ClassifierPool classifiers, int minInFlight,
                         WorkMetrics metrics, long maxObjectBytes, ByteBudget budget) {
        this(store, downloads, classifiers,
                FetchWindow.adaptive(minInFlight, Math.max(minInFlight, MAX_IN_FLIGHT), classifiers.workers()),
                metrics, maxObjectBytes, budget);
    }

    private ImagePipeline(ImageStore store, Executor downloads, ClassifierPool classifiers, FetchWindow window,
                          WorkMetrics metrics, long maxObjectBytes, ByteBudget budget) {
        this.store = store;
        // The pools are shared by every service of the instance: each task carries its service's log context.
        this.downloads = MdcPropagation.of(downloads);
        this.classifiers = classifiers;
        this.classifying = MdcPropagation.of(classifiers.executor());
        this.window = window;
        this.metrics = metrics;
        this.maxObjectBytes = maxObjectBytes;
        this.budget = budget;
    }

    /**
     * Classifies {@code images} of {@code bucket}; on a stop request it hands on the images in flight that are
     * done within {@link #STOP_WAIT_MILLIS} (decodes are abandoned by the classifier pool on shutdown), in order
     * and without a gap, and returns STOPPED; the rest is left for the next owner.
     */
    public Ending run(String bucket, Iterator<ImageObject> images, ResultSink sink, BooleanSupplier stopRequested)
            throws SQLException {
        try {
            return runAll(bucket, images, sink, stopRequested);
        } catch (ClassifierPool.Abandoned e) {
            // Shutdown abandoned a decode before the stop request was seen: what came before it is handed on.
            return Ending.STOPPED;
        }
    }

    private Ending runAll(String bucket, Iterator<ImageObject> images, ResultSink sink, BooleanSupplier stopRequested)
            throws SQLException {
        Deque<CompletableFuture<ImageResult>> inFlight = new ArrayDeque<>();
        while (images.hasNext()) {
            if (stopRequested.getAsBoolean()) {
                return handOnFinished(inFlight, sink) ? Ending.STOPPED : Ending.REFUSED;
            }
            while (inFlight.size() >= window.limit()) { // a loop: the window may have shrunk
                if (!sink.accept(await(inFlight.removeFirst()))) {
                    return Ending.REFUSED;
                }
            }
            ImageObject image = images.next();
            if (image.size() > maxObjectBytes) {
                inFlight.addLast(CompletableFuture.completedFuture(ImageResult.failed(image.name(),
                        "file too large: " + image.size() + " bytes, limit " + maxObjectBytes)));
            } else {
                long cost = budget.costOf(image.size());
                while (!acquire(cost)) {
                    if (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        return handOnFinished(inFlight, sink) ? Ending.STOPPED : Ending.REFUSED;
                    }
                    if (!handOnDone(inFlight, sink)) {
                        return Ending.REFUSED;
                    }
                }
                inFlight.addLast(start(bucket, image, cost));
            }
            if (!handOnDone(inFlight, sink)) {
                return Ending.REFUSED;
            }
        }
        return handOnAll(inFlight, sink) ? Ending.COMPLETED : Ending.REFUSED;
    }

    private boolean acquire(long cost) {
        try {
            return budget.tryAcquire(cost, BUDGET_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<ImageResult> start(String bucket, ImageObject image, long cost) {
        long started = System.nanoTime();
        try {
            return CompletableFuture.supplyAsync(() -> download(bucket, image), downloads)
                    .thenApplyAsync(d -> {
                        ImageResult result = d.failure != null ? d.failure : classify(image, d.bytes);
                        metrics.imageDone(result, System.nanoTime() - started);
                        return result;
                    }, classifying)
                    .whenComplete((result, failure) -> budget.release(cost));
        } catch (RuntimeException e) {
            budget.release(cost); // the pools were shut down: nothing will run
            throw e;
        }
    }

    private ImageResult classify(ImageObject image, byte[] bytes) {
        long started = System.nanoTime();
        ImageResult result = classifiers.classify(image.name(), bytes);
        window.classified(System.nanoTime() - started);
        return result;
    }

    /** The most downloads this pipeline has had running at once (benchmarks and tests). */
    public int mostDownloadsAtOnce() {
        return window.mostDownloading();
    }

    private Download download(String bucket, ImageObject image) {
        window.downloadStarted();
        long started = System.nanoTime();
        try {
            return new Download(store.read(bucket, image.name()), null);
        } catch (IOException e) {
            return new Download(null, ImageResult.failed(image.name(), "cannot read the object: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            // An object larger than the heap: its entry says so, instead of the service failing on every retry.
            log.error("out of memory reading {} ({} bytes)", image.name(), image.size());
            return new Download(null, ImageResult.failed(image.name(),
                    "the object is too large to read: " + image.size() / (1024 * 1024) + " MB"));
        } finally {
            window.downloadEnded(System.nanoTime() - started);
        }
    }

    /** Hands on the oldest images as long as they are done; false when the sink refused. */
    private static boolean handOnDone(Deque<CompletableFuture<ImageResult>> inFlight, ResultSink sink)
            throws SQLException {
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
            if (!sink.accept(await(inFlight.removeFirst()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean handOnAll(Deque<CompletableFuture<ImageResult>> inFlight, ResultSink sink)
            throws SQLException {
        while (!inFlight.isEmpty()) {
            if (!sink.accept(await(inFlight.removeFirst()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a stop request: hands on, in order, the images finished within {@link #STOP_WAIT_MILLIS}; the first
     * one that is not (a slow download, a decode abandoned by the shutdown) and all after it are dropped, to be
     * done again by the next owner. False when the sink refused.
     */
    private static boolean handOnFinished(Deque<CompletableFuture<ImageResult>> inFlight, ResultSink sink)
            throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        while (!inFlight.isEmpty()) {
            CompletableFuture<ImageResult> next = inFlight.removeFirst();
            ImageResult result;
            try {
                result = next.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ClassifierPool.Abandoned) {
                    return true;
                }
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
            if (!sink.accept(result)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for one image; a failure of the whole bucket (BucketUnavailableException) is rethrown as itself. */
    private static ImageResult await(CompletableFuture<ImageResult> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Download(byte[] bytes, ImageResult failure) {
    }
}
