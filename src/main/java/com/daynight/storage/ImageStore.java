package com.daynight.storage;

import java.io.IOException;
import java.util.Optional;

/**
 * Where buckets are read from: Google Cloud Storage, or a local folder per bucket.
 * Implementations are thread-safe and shared by all workers.
 */
public interface ImageStore {

    /**
     * Why {@code bucket} cannot name a bucket of this store, in words for the user, or empty when it can.
     * Asked before a submission is queued, so a name the store would refuse never becomes a service.
     */
    Optional<String> bucketNameProblem(String bucket);

    /**
     * The bucket's JPEG objects (name ending in .jpg or .jpeg in any case, or content type image/jpeg),
     * in the bucket's listing order. The listing is fetched lazily, page by page, as it is iterated,
     * so a bucket of a million objects never sits in memory.
     *
     * @throws BucketUnavailableException (also while iterating) when the bucket is missing or unreadable
     */
    Iterable<ImageObject> listJpegs(String bucket);

    /**
     * The bucket's JPEG objects whose names lie in {@code range}, in listing order, asking storage for that range
     * only (GCS's startOffset and endOffset): a chunk, or the rest of one after a resume, is listed without
     * listing what lies before it. This default filters the whole listing; every store of the application
     * overrides it.
     */
    default Iterable<ImageObject> listJpegs(String bucket, NameRange range) {
        Iterable<ImageObject> all = listJpegs(bucket);
        return () -> java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .filter(image -> range.contains(image.name())).iterator();
    }

    /**
     * The object's bytes.
     *
     * @throws IOException when this one object cannot be read (its entry becomes an error; the service goes on)
     * @throws BucketUnavailableException when the whole bucket has gone or access was withdrawn
     */
    byte[] read(String bucket, String objectName) throws IOException;
}
