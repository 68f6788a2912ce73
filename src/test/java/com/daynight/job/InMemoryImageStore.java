package com.daynight.job;

import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.GcsBucketNames;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.StorageUnavailableException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets held in memory for worker tests; objects named in {@code unreadable} fail to download. */
class InMemoryImageStore implements ImageStore {

    private final Map<String, TreeMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private volatile String darkFrom;

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
        TreeMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new BucketUnavailableException("bucket '" + bucket + "' does not exist");
        }
        return List.copyOf(objects.entrySet()).stream()
                .map(e -> new ImageObject(e.getKey(), e.getValue().length))
                .toList();
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
