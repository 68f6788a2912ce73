package com.daynight.metrics;

import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * An ImageStore that counts what fails: a listing (a missing bucket, access denied, an outage) or the read of
 * one object. The listing is lazy, so its failures can come out while it is iterated; those count too.
 */
final class MeteredImageStore implements ImageStore {

    private final ImageStore store;
    private final Counter listErrors;
    private final Counter readErrors;

    MeteredImageStore(ImageStore store, MeterRegistry registry) {
        this.store = store;
        this.listErrors = errors(registry, "list");
        this.readErrors = errors(registry, "read");
    }

    private static Counter errors(MeterRegistry registry, String operation) {
        return Counter.builder("daynight.storage.errors")
                .description("Failed listings of a bucket and failed reads of an object")
                .tag("operation", operation)
                .register(registry);
    }

    @Override
    public Optional<String> bucketNameProblem(String bucket) {
        return store.bucketNameProblem(bucket);
    }

    @Override
    public Iterable<ImageObject> listJpegs(String bucket) {
        return () -> new CountingIterator(counted(() -> store.listJpegs(bucket).iterator()));
    }

    @Override
    public Iterable<ImageObject> listJpegs(String bucket, com.daynight.storage.NameRange range) {
        return () -> new CountingIterator(counted(() -> store.listJpegs(bucket, range).iterator()));
    }

    @Override
    public byte[] read(String bucket, String objectName) throws IOException {
        try {
            return store.read(bucket, objectName);
        } catch (IOException | RuntimeException e) {
            readErrors.increment();
            throw e;
        }
    }

    private <T> T counted(java.util.function.Supplier<T> listing) {
        try {
            return listing.get();
        } catch (RuntimeException e) {
            listErrors.increment();
            throw e;
        }
    }

    private final class CountingIterator implements Iterator<ImageObject> {
        private final Iterator<ImageObject> images;

        CountingIterator(Iterator<ImageObject> images) {
            this.images = images;
        }

        @Override
        public boolean hasNext() {
            return counted(images::hasNext);
        }

        @Override
        public ImageObject next() {
            return counted(images::next);
        }
    }
}
