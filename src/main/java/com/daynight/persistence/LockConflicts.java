package com.daynight.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * The one place where MySQL and MariaDB differ in how they report a lost race for a lock, and the retry both
 * get. A lock wait that timed out is 1205 on both (SQLState 40001 on MariaDB, HY000 on MySQL), a deadlock 1213
 * (40001 on both), a lock that NOWAIT or SKIP LOCKED could not take 3572 on MySQL; SQLState 40001 is the
 * standard's "try again". The transaction was rolled back by the server, so the whole unit of work runs again.
 */
public final class LockConflicts {

    private static final Set<Integer> CODES = Set.of(1205, 1213, 3572);
    static final int ATTEMPTS = 4;

    /** One transaction's work, from getting its connection to committing. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private LockConflicts() {
    }

    public static boolean isLockConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (CODES.contains(sql.getErrorCode()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the work, again after a short, growing pause when it lost a lock race; other errors pass at once. */
    public static <T> T retrying(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!isLockConflict(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) throws SQLException {
        try {
            // 50, 100, 200 ms: a rival transaction of this service's few statements ends well within that.
            Thread.sleep(50L << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry after a lock conflict", e);
        }
    }
}
