package com.daynight.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;

/** The idempotency_keys table: which service a submission's key (hashed with its scope) started. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static Optional<String> serviceOf(Connection c, String keyHash) throws SQLException {
        return Rows.selectFirst(c, "SELECT ServiceID FROM idempotency_keys WHERE KeyHash = ?", rs -> rs.getString(1),
                keyHash);
    }

    /** False when the key is taken already. */
    static boolean insert(Connection c, String keyHash, String serviceId) throws SQLException {
        try {
            Rows.update(c, "INSERT INTO idempotency_keys (KeyHash, ServiceID, CreatedTime)"
                    + " VALUES (?, ?, UTC_TIMESTAMP(3))", keyHash, serviceId);
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        }
    }
}
