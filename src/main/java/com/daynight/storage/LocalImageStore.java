package com.daynight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Buckets read from a local folder: each sub-folder of {@code bucketsDir} is one bucket, and each file below it
 * (at any depth) an object named by its path relative to the bucket folder, with '/' separators as in GCS.
 */
public final class LocalImageStore implements ImageStore {

    /** Bytes per read: the JDK's temporary direct buffer for a read is this large at most. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final Path bucketsDir;

    public LocalImageStore(Path bucketsDir) {
        this.bucketsDir = bucketsDir.toAbsolutePath().normalize();
    }

    /**
     * A local bucket stands in for a GCS bucket, so it takes GCS's names: a name that works here works in
     * production, and no name can climb out of the buckets folder.
     */
    @Override
    public Optional<String> bucketNameProblem(String bucket) {
        return GcsBucketNames.ruleBroken(bucket);
    }

    /**
     * The listing is in GCS's order (UTF-8 bytes of the names), so a service gives the same results document
     * here and there. A local folder is small next to a GCS bucket, and sorting needs every name anyway, so the listing is read
     * whole when the walk starts.
     */
    @Override
    public Iterable<ImageObject> listJpegs(String bucket) {
        return sortedJpegs(bucket);
    }

    private List<ImageObject> sortedJpegs(String bucket) {
        Path bucketDir = existingBucketDir(bucket);
        List<ImageObject> jpegs = new ArrayList<>();
        try {
            Files.walkFileTree(bucketDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = objectName(bucketDir, file);
                    if (attributes.isRegularFile() && JpegRule.hasJpegExtension(name)) {
                        jpegs.add(new ImageObject(name, attributes.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A file that vanished while walking is simply not part of the bucket any more.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BucketUnavailableException("bucket '" + bucket + "' cannot be read: " + e.getMessage(), e);
        }
        jpegs.sort(Comparator.comparing(ImageObject::name, GcsOrder.OF_NAMES));
        return List.copyOf(jpegs);
    }

    /** The folder is walked whole (it must be sorted), then only the range is handed on. */
    @Override
    public Iterable<ImageObject> listJpegs(String bucket, NameRange range) {
        List<ImageObject> all = sortedJpegs(bucket);
        int from = range.first() == null ? 0 : firstAtOrAfter(all, range.first());
        int to = range.endBefore() == null ? all.size() : firstAtOrAfter(all, range.endBefore());
        return all.subList(from, Math.max(from, to));
    }

    private static int firstAtOrAfter(List<ImageObject> sorted, String name) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (GcsOrder.OF_NAMES.compare(sorted.get(mid).name(), name) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public byte[] read(String bucket, String objectName) throws IOException {
        Path bucketDir = existingBucketDir(bucket);
        Path file = bucketDir.resolve(objectName).normalize();
        // Names come from users' buckets: "../" or an absolute name must never reach files outside the bucket.
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw new IOException("object name '" + objectName + "' is not inside bucket '" + bucket + "'");
        }
        try {
            return readInChunks(file);
        } catch (NoSuchFileException e) {
            throw new IOException("object '" + objectName + "' no longer exists", e);
        } catch (IOException e) {
            throw new IOException("object '" + objectName + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The file's bytes, read {@value #CHUNK_BYTES} at a time. Files.readAllBytes hands the whole array to one
     * channel read, and the JDK copies through a temporary direct buffer of that size, which each download
     * thread then keeps: 200 MB objects left 200 MB of native memory per thread, and the third one failed with
     * "Direct buffer memory" (its limit is the heap's size). Reads up to the size the file has when opened.
     */
    private static byte[] readInChunks(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("file too large: " + size + " bytes");
            }
            byte[] bytes = new byte[(int) size];
            int done = 0;
            while (done < bytes.length) {
                int n = in.read(bytes, done, Math.min(CHUNK_BYTES, bytes.length - done));
                if (n < 0) {
                    return Arrays.copyOf(bytes, done); // it shrank meanwhile
                }
                done += n;
            }
            return bytes;
        }
    }

    private Path existingBucketDir(String bucket) {
        Path bucketDir = bucketsDir.resolve(bucket).normalize();
        boolean directChild = bucketsDir.equals(bucketDir.getParent());
        if (!directChild || !Files.isDirectory(bucketDir)) {
            throw new BucketUnavailableException("bucket '" + bucket + "' does not exist");
        }
        return bucketDir;
    }

    private static String objectName(Path bucketDir, Path file) {
        return bucketDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
