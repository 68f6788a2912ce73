package com.daynight.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Another store with a fixed wait added to every read, as a remote object store's round trip: the benchmarks
 * and tests use it to show what latency does to a pipeline, with the same bucket at 0, 30 and 100 ms. The wait
 * sleeps, so it costs no CPU, like waiting on a network. Listing is left as it is (one call per 1,000 objects).
 */
public final class DelayedImageStore implements ImageStore {

    private final ImageStore store;
    private final Duration delay;

    public DelayedImageStore(ImageStore store, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got: " + delay);
        }
        this.store = store;
        this.delay = delay;
    }

    @Override
    public Optional<String> bucketNameProblem(String bucket) {
        return store.bucketNameProblem(bucket);
    }

    @Override
    public Iterable<ImageObject> listJpegs(String bucket) {
        return store.listJpegs(bucket);
    }

    @Override
    public Iterable<ImageObject> listJpegs(String bucket, NameRange range) {
        return store.listJpegs(bucket, range);
    }

    @Override
    public byte[] read(String bucket, String objectName) throws IOException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading '" + objectName + "'");
            }
        }
        return store.read(bucket, objectName);
    }
}
