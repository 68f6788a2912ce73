package com.daynight.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key: {@code perMinute} tokens, refilled evenly, a full bucket to begin with.
 * Memory is bounded: at most {@code maxKeys} buckets, the least recently used one dropped first (a dropped
 * client just starts again with a full bucket).
 *
 * <p>Written here rather than taken from Bucket4j: Bucket4j is not in the Maven repository this project
 * builds from, and one bucket per key with LRU eviction is all the service needs.
 */
final class TokenBuckets {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int perMinute, int maxKeys, LongSupplier nanoTime) {
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token for this key: 0 when one was there, else how many seconds until one will be (at least 1). */
    synchronized long tryTake(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
        bucket.updated = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        double nanosToWait = (1 - bucket.tokens) / tokensPerNano;
        return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
    }

    synchronized int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
