package com.daynight.storage;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket of {@link FakeGcsServer} of {@code count} JPEGs named img-000000.jpg, img-000001.jpg, ... made up
 * as they are asked for: object i has the bytes of {@code contents[i % contents.size()]}, so a bucket of
 * 100,000 objects costs no more memory than its few distinct pictures.
 */
final class GeneratedFakeGcsBucket implements FakeGcsBucket {

    private static final Pattern NAME = Pattern.compile("img-(\\d{6})\\.jpg");

    private final String bucket;
    private final int count;
    private final List<byte[]> contents;
    private final long firstGeneration;
    private final Instant created = Instant.now();

    GeneratedFakeGcsBucket(String bucket, int count, List<byte[]> contents, long firstGeneration) {
        if (count > 1_000_000 || contents.isEmpty()) {
            throw new IllegalArgumentException("up to 1,000,000 objects, from at least one content");
        }
        this.bucket = bucket;
        this.count = count;
        this.contents = List.copyOf(contents);
        this.firstGeneration = firstGeneration;
    }

    /** The name of object {@code index}: names sort as their numbers do. */
    static String name(int index) {
        return String.format(Locale.ROOT, "img-%06d.jpg", index);
    }

    private FakeGcsObject object(int index) {
        return new FakeGcsObject(bucket, name(index), contents.get(index % contents.size()), "image/jpeg",
                firstGeneration + index, created);
    }

    @Override
    public FakeGcsObject get(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        int index = Integer.parseInt(matcher.group(1));
        return index < count ? object(index) : null;
    }

    @Override
    public Iterable<FakeGcsObject> from(String name, boolean inclusive) {
        int first = firstIndexFrom(name, inclusive);
        return () -> new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public FakeGcsObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return object(next++);
            }
        };
    }

    /** The first index whose name comes at or after {@code name} in GCS order (strictly after, if not inclusive). */
    private int firstIndexFrom(String name, boolean inclusive) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = GcsOrder.OF_NAMES.compare(name(middle), name);
            if (order < 0 || (order == 0 && !inclusive)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
