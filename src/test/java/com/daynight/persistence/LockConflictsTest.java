package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockConflictsTest {

    @Test
    void knowsBothServersWaysOfSayingALockWasLost() {
        assertTrue(LockConflicts.isLockConflict(new SQLException("Lock wait timeout exceeded", "40001", 1205))); // MariaDB
        assertTrue(LockConflicts.isLockConflict(new SQLException("Lock wait timeout exceeded", "HY000", 1205))); // MySQL
        assertTrue(LockConflicts.isLockConflict(new SQLException("Deadlock found", "40001", 1213)));
        assertTrue(LockConflicts.isLockConflict(new SQLException("NOWAIT is set", "HY000", 3572)));
        assertTrue(LockConflicts.isLockConflict(new SQLException("wrapped", "HY000", 0,
                new SQLException("Deadlock found", "40001", 1213))));
        assertFalse(LockConflicts.isLockConflict(new SQLException("Data too long", "22001", 1406)));
        assertFalse(LockConflicts.isLockConflict(new SQLException("Communications link failure", "08S01", 0)));
    }

    @Test
    void retriesALostLockRaceAndPassesOtherErrorsAtOnce() throws SQLException {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("done", LockConflicts.retrying(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("Deadlock found", "40001", 1213);
            }
            return "done";
        }));
        assertEquals(3, calls.get());

        calls.set(0);
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
        assertSame(duplicate, assertThrows(SQLException.class, () -> LockConflicts.retrying(() -> {
            calls.incrementAndGet();
            throw duplicate;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void givesUpAfterItsAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(SQLException.class, () -> LockConflicts.retrying(() -> {
            calls.incrementAndGet();
            throw new SQLException("Lock wait timeout exceeded", "HY000", 1205);
        }));
        assertEquals(LockConflicts.ATTEMPTS, calls.get());
    }
}
