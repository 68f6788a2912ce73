package com.daynight.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a statement the database refused for its data (too long, not valid text, out of range) from a
 * failure of the connection or the server. Retrying the first can never succeed, so it must not be counted as
 * an interruption of the service; the second may pass on another attempt.
 */
final class DataErrors {

    /**
     * MySQL and MariaDB codes of data refusals whose SQLState is not class 22 on every version: 1366 "Incorrect
     * string value" is HY000 on MySQL, 1406 "Data too long", 1264 "Out of range", 1292 "Truncated incorrect".
     */
    private static final Set<Integer> DATA_CODES = Set.of(1366, 1406, 1264, 1292, 1367, 3988);

    private DataErrors() {
    }

    /** Whether {@code e}, or an exception it carries (a batch's first failure), is a refusal of the data. */
    static boolean isDataError(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = next(t)) {
            if (t instanceof SQLException sql && isDataErrorItself(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDataErrorItself(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("22") || DATA_CODES.contains(e.getErrorCode());
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
