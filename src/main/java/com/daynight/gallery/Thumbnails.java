package com.daynight.gallery;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageDecoder;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gallery's small pictures, made on demand from the bucket: the object is read with the service's own
 * storage access (the caller has checked the viewer owns the service), decoded at 1/8 scale from its DC
 * coefficients as the classifier does, shrunk to fit {@link #EDGE} pixels and sent as a small JPEG. Nothing is
 * stored: the database stays the size of its results, and a picture removed from the bucket disappears from
 * the gallery too. Each costs what a picture costs the pipeline, and under the same limits: bytes
 * (MAX_OBJECT_BYTES) and time (PICTURE_TIMEOUT_SECONDS), on a few threads of its own with a short queue, so
 * that galleries cannot starve the workers; a full queue is {@link Outcome.Busy}.
 */
public final class Thumbnails implements AutoCloseable {

    /** The longest side of a thumbnail, in pixels. */
    public static final int EDGE = 160;
    private static final int THREADS = 2;
    private static final int QUEUE = 64;
    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    /** What became of one thumbnail. */
    public sealed interface Outcome {
        /** The thumbnail, a JPEG. */
        record Made(byte[] jpeg) implements Outcome {
        }

        /** The picture cannot be shown (unreadable, gone, too large, too slow): why, for the log. */
        record Unavailable(String reason) implements Outcome {
        }

        /** Too many thumbnails are being made: try again soon. */
        record Busy() implements Outcome {
        }
    }

    private final ImageStore store;
    private final long maxObjectBytes;
    private final Duration timeout;
    private final ImageDecoder dcDecoder = ImageDecoder.dcOnly();
    /** A small picture's 1/8 is smaller than a thumbnail: then the whole picture is decoded (it is small). */
    private final ImageDecoder fullDecoder = ImageDecoder.imageIo(4_000_000L);
    private final ThreadPoolExecutor pool;

    public Thumbnails(ImageStore store, long maxObjectBytes, Duration timeout) {
        this.store = store;
        this.maxObjectBytes = maxObjectBytes;
        this.timeout = timeout;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "thumbnails");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The thumbnail of one object of a bucket. */
    public Outcome make(String bucket, String objectName) {
        Future<Outcome> job;
        try {
            job = pool.submit(() -> makeNow(bucket, objectName));
        } catch (RejectedExecutionException e) {
            return new Outcome.Busy();
        }
        try {
            return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true); // the decoders stop at the next interrupt check
            return new Outcome.Unavailable("took longer than " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome.Unavailable("interrupted");
        } catch (ExecutionException e) {
            log.warn("thumbnail of {} in {} failed", objectName, bucket, e.getCause());
            return new Outcome.Unavailable(String.valueOf(e.getCause()));
        }
    }

    private Outcome makeNow(String bucket, String objectName) throws IOException {
        byte[] bytes;
        try {
            bytes = store.read(bucket, objectName);
        } catch (IOException | BucketUnavailableException e) {
            return new Outcome.Unavailable(e.getMessage());
        }
        if (bytes.length > maxObjectBytes) {
            return new Outcome.Unavailable("file too large: " + bytes.length + " bytes");
        }
        try {
            BufferedImage small = dcDecoder.decode(bytes);
            if (Math.max(small.getWidth(), small.getHeight()) < EDGE) {
                small = fullDecoder.decode(bytes);
            }
            return new Outcome.Made(ThumbnailImages.jpeg(ThumbnailImages.fit(small, EDGE)));
        } catch (ImageDecodeException e) {
            return new Outcome.Unavailable(e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
