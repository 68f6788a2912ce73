package com.daynight.config;

import java.time.Duration;

/**
 * What one picture may cost (issue 13): its bytes, the bytes of every picture held at once, and the time its
 * decode and classification may take. Over a limit, that picture gets an {@code error} entry and the others
 * of the service go on.
 *
 * @param maxObjectBytes   an object larger than this (by the listing's size) is refused before any read
 * @param maxBytesInFlight the bytes of objects downloaded or being classified at once, across the instance's
 *                         services; an object larger than all of it still goes through, alone
 * @param pictureTimeout   a decode and classification that runs longer is abandoned
 */
public record PictureLimits(long maxObjectBytes, long maxBytesInFlight, Duration pictureTimeout) {

    public static final long DEFAULT_MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_PICTURE_TIMEOUT_SECONDS = 10;

    public PictureLimits {
        if (maxObjectBytes < 1 || maxBytesInFlight < 1 || pictureTimeout.isNegative() || pictureTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The defaults for a JVM whose heap may grow to {@code maxHeapBytes}: a quarter of it in flight. */
    public static PictureLimits defaults(long maxHeapBytes) {
        return new PictureLimits(DEFAULT_MAX_OBJECT_BYTES, defaultBytesInFlight(maxHeapBytes),
                Duration.ofSeconds(DEFAULT_PICTURE_TIMEOUT_SECONDS));
    }

    /** A quarter of the heap: the rest is left to decoding (up to 48 MB a worker), the pages and the database. */
    public static long defaultBytesInFlight(long maxHeapBytes) {
        return Math.max(1, maxHeapBytes / 4);
    }
}
