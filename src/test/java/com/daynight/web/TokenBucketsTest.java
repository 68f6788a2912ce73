package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aFullBucketThenOneTokenPerSixtiethOfAMinute() {
        TokenBuckets buckets = new TokenBuckets(60, 100, now::get);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, buckets.tryTake("a"));
        }
        assertEquals(1, buckets.tryTake("a"), "one token a second: wait 1 s");
        assertEquals(0, buckets.tryTake("b"), "another client has its own bucket");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(1, buckets.tryTake("a"));
    }

    @Test
    void retryAfterSaysWhenTheNextTokenComes() {
        TokenBuckets buckets = new TokenBuckets(2, 100, now::get);
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(30, buckets.tryTake("a"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertEquals(10, buckets.tryTake("a"));
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentClient() {
        TokenBuckets buckets = new TokenBuckets(1, 3, now::get);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            assertEquals(0, buckets.tryTake(key));
        }
        assertEquals(3, buckets.size());
        assertEquals(0, buckets.tryTake("a"), "forgotten, so a full bucket again");
        assertEquals(60, buckets.tryTake("d"), "d was kept");
    }
}
