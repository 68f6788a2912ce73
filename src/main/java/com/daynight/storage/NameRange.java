package com.daynight.storage;

/**
 * A range of object names as GCS lists them: from {@code first} (inclusive) to {@code endBefore} (exclusive), in
 * the bucket's listing order (UTF-8 bytes); a null bound is the bucket's start or end. A chunk of a service.
 */
public record NameRange(String first, String endBefore) {

    public static final NameRange ALL = new NameRange(null, null);

    public boolean contains(String name) {
        return (first == null || GcsOrder.OF_NAMES.compare(name, first) >= 0)
                && (endBefore == null || GcsOrder.OF_NAMES.compare(name, endBefore) < 0);
    }
}
