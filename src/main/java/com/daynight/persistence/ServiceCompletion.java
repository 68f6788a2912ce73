package com.daynight.persistence;

import com.daynight.service.ServiceRecord;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Finishes a service once its bucket is listed to the end and its last chunk is done, whichever instance
 * gets there last: the one completing a chunk, or the lister when the chunks were done first. Both lock the
 * service row before looking, and read what others committed (READ COMMITTED), so of two instances that
 * complete the last two chunks at once, the second to take the lock sees the first's chunk done: the row is
 * finished exactly once.
 */
final class ServiceCompletion {

    private final ResultsColumn resultsColumn;

    ServiceCompletion(ResultsColumn resultsColumn) {
        this.resultsColumn = resultsColumn;
    }

    /** Locks the service row; true when it is listed and still running (queued or started). */
    static boolean lockRunning(Connection c, String id, boolean requireListed) throws SQLException {
        return Rows.selectFirst(c, "SELECT Status, ListingDone FROM services WHERE ServiceID = ? FOR UPDATE",
                rs -> ("queued".equals(rs.getString(1)) || "started".equals(rs.getString(1)))
                        && (!requireListed || rs.getBoolean(2)), id).orElse(false);
    }

    /**
     * With the service row locked by this transaction: finishes the service if no chunk is left open, writing
     * Status, ServiceEndTime and the Results document (in listing order: by Seq across chunks).
     */
    boolean finishIfComplete(Connection c, String id) throws SQLException {
        int open = Rows.selectAll(c, "SELECT COUNT(*) FROM service_chunks WHERE ServiceID = ? AND Status = 'open'",
                rs -> rs.getInt(1), id).get(0);
        if (open > 0) {
            return false;
        }
        finish(c, id);
        return true;
    }

    /**
     * With the service row locked by this transaction: Status, ServiceEndTime and the Results document are
     * written together, the document built from the results recorded, whichever owners computed them, read
     * page by page. A document too big for one row is stored without its Results array (see ResultsColumn).
     */
    void finish(Connection c, String id) throws SQLException {
        ServiceRecord service = ServicesTable.find(c, id)
                .orElseThrow(() -> new SQLException("service " + id + " vanished"));
        String document = resultsColumn.document(c, service, sink -> ResultsTable.forEach(c, id, sink));
        Rows.update(c, "UPDATE services SET Status = 'finished',"
                + " ServiceStartTime = COALESCE(ServiceStartTime, UTC_TIMESTAMP(3)),"
                + " ServiceEndTime = UTC_TIMESTAMP(3), Results = ?, ImagesTotal = ?,"
                + " ClaimedBy = NULL, HeartbeatAt = NULL WHERE ServiceID = ?", document, service.done(), id);
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction: no gap locks, and each statement sees what others
     * committed.
     */
    static <T> T inTransaction(DataSource dataSource, Transaction<T> work) throws SQLException {
        return LockConflicts.retrying(() -> {
            try (Connection c = dataSource.getConnection()) {
                int isolation = c.getTransactionIsolation();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(isolation);
                }
            }
        });
    }

    interface Transaction<T> {
        T run(Connection c) throws SQLException;
    }
}
