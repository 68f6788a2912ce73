package com.daynight.job;

import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.GcsBucketNames;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.NameRange;
import com.daynight.storage.StorageUnavailableException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Buckets held in memory for worker tests; objects named in {@code unreadable} fail to download. */
class InMemoryImageStore implements ImageStore {

    private final Map<String, TreeMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private volatile String darkFrom;
    private final AtomicInteger listCalls = new AtomicInteger();
    private final AtomicInteger namesListed = new AtomicInteger();

    @Override
    public Optional<String> bucketNameProblem(String bucket) {
        return GcsBucketNames.ruleBroken(bucket);
    }

    void createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
    }

    void put(String bucket, String name, byte[] bytes) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(name, bytes);
    }

    void makeUnreadable(String name) {
        unreadable.add(name);
    }

    /** From the image so named on, reads fail as if storage had stopped answering, until {@link #recover()}. */
    void goDarkAt(String name) {
        darkFrom = name;
    }

    void recover() {
        darkFrom = null;
    }

    @Override
    public Iterable<ImageObject> listJpegs(String bucket) {
        listCalls.incrementAndGet();
        TreeMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new BucketUnavailableException("bucket '" + bucket + "' does not exist");
        }
        return List.copyOf(objects.entrySet()).stream()
                .map(e -> new ImageObject(e.getKey(), e.getValue().length))
                .toList();
    }

    /** Lists the range only, counting the calls and the names handed out (tests of resuming without re-listing). */
    @Override
    public Iterable<ImageObject> listJpegs(String bucket, NameRange range) {
        TreeMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new BucketUnavailableException("bucket '" + bucket + "' does not exist");
        }
        listCalls.incrementAndGet();
        NavigableMap<String, byte[]> view = objects;
        if (range.first() != null) {
            view = view.tailMap(range.first(), true);
        }
        if (range.endBefore() != null) {
            view = view.headMap(range.endBefore(), false);
        }
        List<ImageObject> listed = List.copyOf(view.entrySet()).stream()
                .map(e -> new ImageObject(e.getKey(), e.getValue().length)).toList();
        return () -> new Iterator<>() {
            private final Iterator<ImageObject> names = listed.iterator();

            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public ImageObject next() {
                namesListed.incrementAndGet();
                return names.next();
            }
        };
    }

    int listCalls() {
        return listCalls.get();
    }

    int namesListed() {
        return namesListed.get();
    }

    @Override
    public byte[] read(String bucket, String objectName) throws IOException {
        String dark = darkFrom;
        if (dark != null && objectName.compareTo(dark) >= 0) {
            throw new StorageUnavailableException("storage is not answering for bucket '" + bucket + "' (HTTP 503)",
                    null);
        }
        if (unreadable.contains(objectName)) {
            throw new IOException("object '" + objectName + "' no longer exists");
        }
        return buckets.get(bucket).get(objectName);
    }
}
