package com.daynight.job;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes of objects held at once (downloading, downloaded, being classified) by every pipeline of this
 * instance, so memory is bounded by bytes, not only by the count of pictures: ten 200 MB objects no longer
 * sit in the heap together. One object larger than the whole budget is charged the whole budget: it goes
 * through, but alone.
 */
public final class ByteBudget {

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;

    public ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got: " + capacity);
        }
        this.capacity = capacity;
    }

    /** A budget that never makes anyone wait (tools and tests that do not need one). */
    public static ByteBudget unlimited() {
        return new ByteBudget(Long.MAX_VALUE);
    }

    /** What an object of {@code size} bytes is charged: its size, at least 1, at most the whole budget. */
    long costOf(long size) {
        return Math.min(Math.max(size, 1), capacity);
    }

    /** Takes {@code cost} if it is free within {@code millis}; false otherwise. */
    boolean tryAcquire(long cost, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (used + cost > capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                released.awaitNanos(left);
            }
            used += cost;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release(long cost) {
        lock.lock();
        try {
            used -= cost;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The bytes taken now. */
    long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }
}
