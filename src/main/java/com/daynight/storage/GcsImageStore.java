package com.daynight.storage;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Buckets read from Google Cloud Storage (or a server speaking its JSON API). The client retries transient
 * failures itself ({@link GcsRetryPolicy}); what still fails is sorted here: the bucket is gone or forbidden
 * (the service fails), one object is gone (its entry is an error), or storage is not answering
 * ({@link StorageUnavailableException}: the service is tried again later).
 */
public final class GcsImageStore implements ImageStore {

    /** The most objects real GCS returns in one listing page. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final Storage storage;
    private final int pageSize;

    public GcsImageStore(Storage storage, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got: " + pageSize);
        }
        this.storage = storage;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<String> bucketNameProblem(String bucket) {
        return GcsBucketNames.ruleBroken(bucket);
    }

    /** Fetches the first page now, so a missing or forbidden bucket fails here rather than mid-iteration. */
    @Override
    public Iterable<ImageObject> listJpegs(String bucket) {
        return listJpegs(bucket, NameRange.ALL);
    }

    /** Storage lists the range only (startOffset inclusive, endOffset exclusive, as NameRange means them). */
    @Override
    public Iterable<ImageObject> listJpegs(String bucket, NameRange range) {
        List<BlobListOption> options = new ArrayList<>(List.of(BlobListOption.pageSize(pageSize),
                // Only what the filter and ImageObject need: a page of full metadata is several times larger.
                BlobListOption.fields(BlobField.NAME, BlobField.SIZE, BlobField.CONTENT_TYPE)));
        if (range.first() != null) {
            options.add(BlobListOption.startOffset(range.first()));
        }
        if (range.endBefore() != null) {
            options.add(BlobListOption.endOffset(range.endBefore()));
        }
        Page<Blob> firstPage = listingFailures(bucket, () -> storage.list(bucket,
                options.toArray(BlobListOption[]::new)));
        return () -> new JpegIterator(bucket, range, firstPage.iterateAll().iterator());
    }

    @Override
    public byte[] read(String bucket, String objectName) throws IOException {
        try {
            return storage.readAllBytes(BlobId.of(bucket, objectName));
        } catch (StorageException e) {
            if (isAccessDenied(e)) {
                throw accessDenied(bucket, e);
            }
            if (e.getCode() == 404) {
                throw new IOException("object '" + objectName + "' no longer exists", e);
            }
            if (isTransient(e)) {
                throw unavailable(bucket, e);
            }
            throw new IOException("object '" + objectName + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T listingFailures(String bucket, Supplier<T> call) {
        try {
            return call.get();
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                throw new BucketUnavailableException("bucket '" + bucket + "' does not exist", e);
            }
            if (isAccessDenied(e)) {
                throw accessDenied(bucket, e);
            }
            if (isTransient(e)) {
                throw unavailable(bucket, e);
            }
            throw new BucketUnavailableException(
                    "bucket '" + bucket + "' cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Server errors, throttling and timeouts (code 0: no HTTP answer at all) may pass; other 4xx will not. */
    private static boolean isTransient(StorageException e) {
        int code = e.getCode();
        return code == 0 || code == 408 || code == 429 || code >= 500;
    }

    private static StorageUnavailableException unavailable(String bucket, StorageException e) {
        return new StorageUnavailableException("storage is not answering for bucket '" + bucket + "' ("
                + (e.getCode() == 0 ? "no answer" : "HTTP " + e.getCode()) + "): " + e.getMessage(), e);
    }

    private static boolean isAccessDenied(StorageException e) {
        return e.getCode() == 401 || e.getCode() == 403;
    }

    private static BucketUnavailableException accessDenied(String bucket, StorageException e) {
        return new BucketUnavailableException("access denied to bucket '" + bucket + "': " + e.getMessage(), e);
    }

    /** Walks the client's lazy listing (it fetches the next page on demand), keeping the JPEGs only. */
    private static final class JpegIterator implements Iterator<ImageObject> {
        private final String bucket;
        private final NameRange range;
        private final Iterator<Blob> blobs;
        private ImageObject next;

        JpegIterator(String bucket, NameRange range, Iterator<Blob> blobs) {
            this.bucket = bucket;
            this.range = range;
            this.blobs = blobs;
        }

        @Override
        public boolean hasNext() {
            while (next == null && listingFailures(bucket, blobs::hasNext)) {
                Blob blob = blobs.next();
                if (!range.contains(blob.getName())) {
                    continue; // a server that ignores the offsets is still read right
                }
                if (JpegRule.isJpeg(blob.getName(), blob.getContentType())) {
                    next = new ImageObject(blob.getName(), blob.getSize() == null ? 0 : blob.getSize());
                }
            }
            return next != null;
        }

        @Override
        public ImageObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ImageObject result = next;
            next = null;
            return result;
        }
    }
}
