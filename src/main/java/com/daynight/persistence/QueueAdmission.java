package com.daynight.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Puts a submitted service in the queue unless the queue already holds its limit. The count and the insert
 * run under a named lock of the database (GET_LOCK), held for those two statements only: without it,
 * submissions in flight at the same moment, on this instance or another sharing the database, would each
 * count the queue before the others' rows were there, and pass the limit together. A row lock cannot do
 * this (there is no row yet to lock). A named lock never outlives its holder: the server drops it when the
 * connection ends, so an instance killed while holding it blocks nobody.
 */
public class QueueAdmission {

    /** What became of a submission. */
    public enum Outcome { QUEUED, ID_TAKEN, QUEUE_FULL, USER_QUEUE_FULL, REPEATED }

    /** The outcome with the ServiceID it concerns: the new one, or for REPEATED the one the key started. */
    public record Admission(Outcome outcome, String serviceId) {
    }

    /** A submission waits this long for the lock before it is answered 503. */
    static final int LOCK_WAIT_SECONDS = 10;
    /** The lock's name as SQL: one lock per database, not per server: a server may hold several DayNight databases (tests do). */
    static final String LOCK_NAME = "CONCAT('daynight-queue-', MD5(DATABASE()))";

    private final DataSource dataSource;
    /** Fair, so submissions are admitted in the order they came. */
    private final ReentrantLock localTurn = new ReentrantLock(true);
    private final int limit;
    private final int userLimit;
    private final int lockWaitSeconds;

    public QueueAdmission(DataSource dataSource, int limit) {
        this(dataSource, limit, Integer.MAX_VALUE, LOCK_WAIT_SECONDS);
    }

    /** @param userLimit how many queued services one owner may have (USER_QUEUE_LIMIT) */
    public QueueAdmission(DataSource dataSource, int limit, int userLimit) {
        this(dataSource, limit, userLimit, LOCK_WAIT_SECONDS);
    }

    QueueAdmission(DataSource dataSource, int limit, int userLimit, int lockWaitSeconds) {
        this.dataSource = dataSource;
        this.limit = limit;
        this.userLimit = userLimit;
        this.lockWaitSeconds = lockWaitSeconds;
    }

    public int limit() {
        return limit;
    }

    public int userLimit() {
        return userLimit;
    }

    /** @throws SQLException when the database cannot be reached or the lock is not granted in time */
    public Outcome admit(String serviceId, String userName, String bucket) throws SQLException {
        return admit(serviceId, userName, bucket, null);
    }

    /**
     * As {@link #admit(String, String, String)}, for an owner (the verified principal), whose own queued
     * services are counted under the same lock: the whole queue's limit first, then the owner's.
     */
    public Outcome admit(String serviceId, String userName, String bucket, String owner) throws SQLException {
        return admit(serviceId, userName, bucket, owner, null).outcome();
    }

    /**
     * As {@link #admit(String, String, String, String)}, for a submission that carries an idempotency key
     * ({@code keyHash}: the key hashed with its scope; null for none). The key is looked up under the same lock,
     * before the limits, so a repeat finds the first service even when the queue has filled since; the new
     * service and its key are written in one transaction, so neither is ever there without the other.
     */
    public Admission admit(String serviceId, String userName, String bucket, String owner, String keyHash)
            throws SQLException {
        // One admission per instance at a time waits for the database's lock, the others here, without a pooled
        // connection: a burst of submissions must not take every connection from the workers' heartbeats.
        try {
            if (!localTurn.tryLock(lockWaitSeconds, TimeUnit.SECONDS)) {
                throw new SQLTransientException("the queue's lock was not granted within " + lockWaitSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientException("interrupted while waiting for the queue's lock", e);
        }
        try {
            return LockConflicts.retrying(() -> admitOnce(serviceId, userName, bucket, owner, keyHash));
        } finally {
            localTurn.unlock();
        }
    }

    private Admission admitOnce(String serviceId, String userName, String bucket, String owner, String keyHash)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            lock(c, lockWaitSeconds);
            try {
                Optional<String> first = keyHash == null ? Optional.empty() : IdempotencyKeys.serviceOf(c, keyHash);
                if (first.isPresent()) {
                    return new Admission(Outcome.REPEATED, first.get());
                }
                if (ServicesTable.countQueued(c) >= limit) {
                    return new Admission(Outcome.QUEUE_FULL, null);
                }
                if (owner != null && ServicesTable.countQueued(c, owner) >= userLimit) {
                    return new Admission(Outcome.USER_QUEUE_FULL, null);
                }
                return keyHash == null ? insert(c, serviceId, userName, bucket, owner)
                        : insertWithKey(c, serviceId, userName, bucket, owner, keyHash);
            } finally {
                unlock(c);
            }
        }
    }

    private static Admission insert(Connection c, String serviceId, String userName, String bucket, String owner)
            throws SQLException {
        boolean inserted = ServicesTable.insertQueued(c, serviceId, userName, bucket, owner);
        return new Admission(inserted ? Outcome.QUEUED : Outcome.ID_TAKEN, serviceId);
    }

    private static Admission insertWithKey(Connection c, String serviceId, String userName, String bucket,
                                           String owner, String keyHash) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (!ServicesTable.insertQueued(c, serviceId, userName, bucket, owner)) {
                c.rollback();
                return new Admission(Outcome.ID_TAKEN, serviceId);
            }
            if (!IdempotencyKeys.insert(c, keyHash, serviceId)) {
                // Only reachable if the lock was ever bypassed: the key's unique row decides, the other service goes.
                c.rollback();
                return new Admission(Outcome.REPEATED, IdempotencyKeys.serviceOf(c, keyHash).orElseThrow());
            }
            c.commit();
            return new Admission(Outcome.QUEUED, serviceId);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void lock(Connection c, int waitSeconds) throws SQLException {
        try (PreparedStatement get = c.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", ?)")) {
            get.setInt(1, waitSeconds);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new SQLTransientException("the queue's lock was not granted within " + waitSeconds + " s");
                }
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement release = c.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
            release.executeQuery().close();
        }
    }
}
