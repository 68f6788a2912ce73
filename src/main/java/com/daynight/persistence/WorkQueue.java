package com.daynight.persistence;

import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The work queue kept in the services table, shared by every instance on the database.
 * A worker claims a row (SELECT ... FOR UPDATE SKIP LOCKED), keeps it by heartbeat, and every write it
 * makes is fenced by its claim: once another instance has taken the service over, the old owner's writes
 * change nothing.
 */
public class WorkQueue {

    /** A service interrupted this often (crashes, not graceful releases) is given up as failed. */
    static final int MAX_ATTEMPTS = 5;

    static final int FIRST_RETRY_SECONDS = 15;
    static final int MAX_RETRY_SECONDS = 300;

    private final DataSource dataSource;
    private final ServiceCompletion completion;
    private final ChunkQueue chunks;
    private final ChunkListing listing;

    public WorkQueue(DataSource dataSource) {
        this(dataSource, ResultsColumn.DEFAULT_MAX_BYTES);
    }

    /** {@code maxDocumentBytes}: the largest Results document stored whole in its row (see ResultsColumn). */
    WorkQueue(DataSource dataSource, long maxDocumentBytes) {
        this.dataSource = dataSource;
        this.completion = new ServiceCompletion(new ResultsColumn(maxDocumentBytes));
        this.chunks = new ChunkQueue(dataSource, maxDocumentBytes);
        this.listing = new ChunkListing(dataSource, maxDocumentBytes);
    }

    /** The chunks of the services, on the same database. */
    public ChunkQueue chunks() {
        return chunks;
    }

    /** The lister's side of the chunks, on the same database. */
    public ChunkListing listing() {
        return listing;
    }

    /**
     * Claims the oldest service whose bucket is not yet listed to its end, queued or started by an owner whose
     * lease has run out: its claimant lists the bucket into chunks (ChunkListing); the chunks are claimed
     * apart (ChunkQueue).
     */
    public Optional<ServiceRecord> claimNext(String owner, Duration lease) throws SQLException {
        return LockConflicts.retrying(() -> claimNextOnce(owner, lease));
    }

    private Optional<ServiceRecord> claimNextOnce(String owner, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                while (true) {
                    Optional<Candidate> candidate = lockCandidate(c, lease);
                    if (candidate.isEmpty()) {
                        c.commit();
                        return Optional.empty();
                    }
                    String id = candidate.get().serviceId();
                    if (candidate.get().attempts() >= MAX_ATTEMPTS) {
                        giveUp(c, id);
                        c.commit();
                        continue;
                    }
                    Rows.update(c, "UPDATE services SET ClaimedBy = ?, HeartbeatAt = UTC_TIMESTAMP(3),"
                            + " Attempts = Attempts + 1 WHERE ServiceID = ?", owner, id);
                    ServiceRecord claimed = select(c, id);
                    c.commit();
                    return Optional.of(claimed);
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The claimable service locked by this transaction, and how often it was taken before. */
    private record Candidate(String serviceId, int attempts) {
    }

    private static Optional<Candidate> lockCandidate(Connection c, Duration lease) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT ServiceID, Attempts FROM services"
                + " WHERE Status IN ('queued', 'started') AND ListingDone = FALSE"
                + " AND (ClaimedBy IS NULL OR HeartbeatAt < UTC_TIMESTAMP(3) - INTERVAL ? SECOND)"
                + " AND (NotBefore IS NULL OR NotBefore <= UTC_TIMESTAMP(3))"
                + " ORDER BY ServiceRequestTime LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, Math.max(1, lease.toSeconds()));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Candidate(rs.getString(1), rs.getInt(2))) : Optional.empty();
            }
        }
    }

    private static void giveUp(Connection c, String id) throws SQLException {
        Rows.update(c, "UPDATE services SET Status = 'failed', ServiceEndTime = UTC_TIMESTAMP(3), ClaimedBy = NULL,"
                + " Error = CONCAT('processing was interrupted " + MAX_ATTEMPTS + " times; given up',"
                + " COALESCE(CONCAT('; last problem: ', LastProblem), '')) WHERE ServiceID = ?", id);
        ChunkQueue.dropOpenChunks(c, id);
    }

    /** Renews the claim; false when this owner has lost it (the lease ran out and another took over). */
    public boolean heartbeat(String id, String owner) throws SQLException {
        return updateOwned("UPDATE services SET HeartbeatAt = UTC_TIMESTAMP(3)", id, owner);
    }

    /** Hands a service back unfinished (shutdown), so any instance can take it at once; not counted as a failure. */
    public boolean release(String id, String owner) throws SQLException {
        return updateOwned("UPDATE services SET ClaimedBy = NULL, HeartbeatAt = NULL,"
                + " Attempts = GREATEST(Attempts - 1, 0)", id, owner);
    }

    /**
     * Hands a service back because storage is not answering: no instance takes it again before a delay that
     * doubles with each attempt (15 s, 30 s, 60 s, ... at most 5 min), and the attempt counts, so an outage
     * that never ends fails the service after {@value #MAX_ATTEMPTS} attempts, with the problem as the reason.
     */
    public boolean postpone(String id, String owner, String problem) throws SQLException {
        return updateOwned("UPDATE services SET ClaimedBy = NULL, HeartbeatAt = NULL,"
                + " NotBefore = UTC_TIMESTAMP(3) + INTERVAL LEAST(" + FIRST_RETRY_SECONDS
                + " * POW(2, GREATEST(Attempts - 1, 0)), " + MAX_RETRY_SECONDS + ") SECOND, LastProblem = ?",
                id, owner, ResultText.bounded(problem, 1000));
    }

    public boolean setTotal(String id, String owner, long total) throws SQLException {
        return updateOwned("UPDATE services SET ImagesTotal = " + total, id, owner);
    }

    /** The first image starts: status 'started' and, the first time only, ServiceStartTime. */
    public boolean markStarted(String id, String owner) throws SQLException {
        return updateOwned("UPDATE services SET Status = 'started',"
                + " ServiceStartTime = COALESCE(ServiceStartTime, UTC_TIMESTAMP(3))", id, owner);
    }

    /** Records results {@code firstSeq, firstSeq+1, ...}; idempotent, so a retried batch does no harm. */
    public boolean appendResults(String id, String owner, long firstSeq, List<ImageResult> results) throws SQLException {
        return inOwnedTransaction(id, owner, c -> {
            ResultsTable.append(c, id, firstSeq, results);
            Rows.update(c, "UPDATE services SET HeartbeatAt = UTC_TIMESTAMP(3) WHERE ServiceID = ?", id);
        });
    }

    /** The last image is done: the service is finished, its document written (ServiceCompletion.finish). */
    public boolean finish(String id, String owner) throws SQLException {
        return inOwnedTransaction(id, owner, c -> completion.finish(c, id));
    }

    /** The service cannot complete (bucket missing, access denied): 'failed' with the reason. */
    public boolean fail(String id, String owner, String reason) throws SQLException {
        return inOwnedTransaction(id, owner, c -> {
            Rows.update(c, "UPDATE services SET Status = 'failed', Error = ?, ServiceEndTime = UTC_TIMESTAMP(3),"
                    + " ClaimedBy = NULL, HeartbeatAt = NULL WHERE ServiceID = ?", reason, id);
            ChunkQueue.dropOpenChunks(c, id);
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} only while {@code owner} holds the claim, with the service row locked; again, whole, when
     * it lost a race for a lock (see LockConflicts).
     */
    private boolean inOwnedTransaction(String id, String owner, Work work) throws SQLException {
        return LockConflicts.retrying(() -> inOwnedTransactionOnce(id, owner, work));
    }

    private boolean inOwnedTransactionOnce(String id, String owner, Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT ClaimedBy FROM services WHERE ServiceID = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !owner.equals(rs.getString(1))) {
                        c.rollback();
                        return false;
                    }
                }
                work.run(c);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Runs {@code updateWithoutWhere} on the service only while {@code owner} holds the claim; {@code leading}
     * are the values of its own placeholders, bound before the id and the owner.
     */
    private boolean updateOwned(String updateWithoutWhere, String id, String owner, String... leading)
            throws SQLException {
        return LockConflicts.retrying(() -> updateOwnedOnce(updateWithoutWhere, id, owner, leading));
    }

    private boolean updateOwnedOnce(String updateWithoutWhere, String id, String owner, String... leading)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(updateWithoutWhere
                     + " WHERE ServiceID = ? AND ClaimedBy = ?")) {
            int i = 0;
            for (String value : leading) {
                update.setString(++i, value);
            }
            update.setString(++i, id);
            update.setString(++i, owner);
            return update.executeUpdate() == 1;
        }
    }

    private ServiceRecord select(Connection c, String id) throws SQLException {
        return ServicesTable.find(c, id).orElseThrow(() -> new SQLException("service " + id + " vanished"));
    }
}
