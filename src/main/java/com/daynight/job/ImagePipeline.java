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
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Downloads (I/O threads) overlap with decoding and classifying (the CPU pool), with at most
 * {@code maxInFlight} images held at once, so memory stays flat whatever the bucket's size. Results
 * leave in the bucket's listing order: the oldest image in flight is always the next one handed on.
 */
public final class ImagePipeline {

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
    private final int maxInFlight;
    private final WorkMetrics metrics;

    public ImagePipeline(ImageStore store, Executor downloads, ClassifierPool classifiers, int maxInFlight) {
        this(store, downloads, classifiers, maxInFlight, WorkMetrics.NONE);
    }

    public ImagePipeline(ImageStore store, Executor downloads, ClassifierPool classifiers, int maxInFlight,
                         WorkMetrics metrics) {
        this.store = store;
        // The pools are shared by every service of the instance: each task carries its service's log context.
        this.downloads = MdcPropagation.of(downloads);
        this.classifiers = classifiers;
        this.classifying = MdcPropagation.of(classifiers.executor());
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
    }

    /**
     * Classifies {@code images} of {@code bucket}; on a stop request it finishes the images in flight and
     * hands them on before returning STOPPED.
     */
    public Ending run(String bucket, Iterator<ImageObject> images, ResultSink sink, BooleanSupplier stopRequested)
            throws SQLException {
        Deque<CompletableFuture<ImageResult>> inFlight = new ArrayDeque<>();
        while (images.hasNext()) {
            if (stopRequested.getAsBoolean()) {
                return handOnAll(inFlight, sink) ? Ending.STOPPED : Ending.REFUSED;
            }
            if (inFlight.size() >= maxInFlight && !sink.accept(await(inFlight.removeFirst()))) {
                return Ending.REFUSED;
            }
            inFlight.addLast(start(bucket, images.next()));
            while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
                if (!sink.accept(await(inFlight.removeFirst()))) {
                    return Ending.REFUSED;
                }
            }
        }
        return handOnAll(inFlight, sink) ? Ending.COMPLETED : Ending.REFUSED;
    }

    private CompletableFuture<ImageResult> start(String bucket, ImageObject image) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> download(bucket, image), downloads)
                .thenApplyAsync(d -> {
                    ImageResult result = d.failure != null ? d.failure : classifiers.classify(image.name(), d.bytes);
                    metrics.imageDone(result, System.nanoTime() - started);
                    return result;
                }, classifying);
    }

    private Download download(String bucket, ImageObject image) {
        try {
            return new Download(store.read(bucket, image.name()), null);
        } catch (IOException e) {
            return new Download(null, ImageResult.failed(image.name(), "cannot read the object: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            // An object larger than the heap: its entry says so, instead of the service failing on every retry.
            return new Download(null, ImageResult.failed(image.name(),
                    "the object is too large to read: " + image.size() / (1024 * 1024) + " MB"));
        }
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
