package com.daynight.persistence;

import com.daynight.service.ImageResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The chunks of every service (service_chunks), claimed by any instance on the database like services are:
 * SELECT ... FOR UPDATE SKIP LOCKED, a lease kept by heartbeat, and every write fenced by the claim's token
 * (the chunk's Claims count when it was taken), so an owner whose lease ran out changes nothing once another
 * took the chunk, even another thread of the same instance. Chunk 0 of every service comes before chunk 1 of
 * any: a small service submitted behind a huge one starts at once.
 */
public class ChunkQueue {

    /** A result's Seq is its chunk's number times this plus its index in the chunk: listing order across chunks. */
    public static final long SEQ_STRIDE = 1L << 31;

    private final DataSource dataSource;
    private final ServiceCompletion completion;

    public ChunkQueue(DataSource dataSource) {
        this(dataSource, ResultsColumn.DEFAULT_MAX_BYTES);
    }

    ChunkQueue(DataSource dataSource, long maxDocumentBytes) {
        this.dataSource = dataSource;
        this.completion = new ServiceCompletion(new ResultsColumn(maxDocumentBytes));
    }

    /**
     * A claimed chunk: names from {@code first} (null: the bucket's start) to before {@code endBefore} (null: its
     * end), {@code done} of them recorded so far, the last for {@code lastDone}; {@code token} fences its writes.
     */
    public record ChunkClaim(String serviceId, int chunkNo, String owner, int token, String bucket,
                             String first, String endBefore, int done, String lastDone) {
        public long seqOf(int index) {
            return chunkNo * SEQ_STRIDE + index;
        }

        public String key() {
            return serviceId + "#" + chunkNo;
        }
    }

    /** How completing a chunk ended. */
    public enum Completion { DONE, SERVICE_FINISHED, LOST }

    /** Claims an open chunk that nobody holds (or whose holder's lease ran out), and marks its service started. */
    public Optional<ChunkClaim> claimNext(String owner, Duration lease) throws SQLException {
        Optional<ChunkClaim> claimed = ServiceCompletion.inTransaction(dataSource, c -> {
            while (true) {
                Optional<Candidate> candidate = Rows.selectFirst(c, "SELECT ServiceID, ChunkNo, Attempts"
                        + " FROM service_chunks WHERE Status = 'open'"
                        + " AND (ClaimedBy IS NULL OR HeartbeatAt < UTC_TIMESTAMP(3) - INTERVAL ? SECOND)"
                        + " AND (NotBefore IS NULL OR NotBefore <= UTC_TIMESTAMP(3))"
                        + " ORDER BY ChunkNo LIMIT 1 FOR UPDATE SKIP LOCKED",
                        rs -> new Candidate(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                        Math.max(1, lease.toSeconds()));
                if (candidate.isEmpty()) {
                    return Optional.<ChunkClaim>empty();
                }
                String id = candidate.get().serviceId();
                int chunkNo = candidate.get().chunkNo();
                if (candidate.get().attempts() >= WorkQueue.MAX_ATTEMPTS) {
                    giveUp(c, id, chunkNo);
                    continue;
                }
                Rows.update(c, "UPDATE service_chunks SET ClaimedBy = ?, HeartbeatAt = UTC_TIMESTAMP(3),"
                        + " Claims = Claims + 1, Attempts = Attempts + 1 WHERE ServiceID = ? AND ChunkNo = ?",
                        owner, id, chunkNo);
                return Rows.selectFirst(c, "SELECT c.Claims, s.Bucket, c.FirstName, c.EndBefore, c.DoneCount,"
                        + " c.LastDone FROM service_chunks c JOIN services s ON s.ServiceID = c.ServiceID"
                        + " WHERE c.ServiceID = ? AND c.ChunkNo = ?",
                        rs -> new ChunkClaim(id, chunkNo, owner, rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6)), id, chunkNo);
            }
        });
        if (claimed.isPresent()) {
            // Its own statement, after the claim: the claim never waits for the service row's lock.
            try (Connection c = dataSource.getConnection()) {
                Rows.update(c, "UPDATE services SET Status = 'started',"
                        + " ServiceStartTime = COALESCE(ServiceStartTime, UTC_TIMESTAMP(3))"
                        + " WHERE ServiceID = ? AND Status IN ('queued', 'started')", claimed.get().serviceId());
            }
        }
        return claimed;
    }

    private record Candidate(String serviceId, int chunkNo, int attempts) {
    }

    /** A chunk interrupted {@value WorkQueue#MAX_ATTEMPTS} times fails its service, with the last problem. */
    private static void giveUp(Connection c, String id, int chunkNo) throws SQLException {
        Rows.update(c, "UPDATE services s JOIN service_chunks c ON c.ServiceID = s.ServiceID AND c.ChunkNo = ?"
                + " SET s.Status = 'failed', s.ServiceEndTime = UTC_TIMESTAMP(3), s.ClaimedBy = NULL,"
                + " s.Error = CONCAT('processing was interrupted " + WorkQueue.MAX_ATTEMPTS + " times; given up',"
                + " COALESCE(CONCAT('; last problem: ', c.LastProblem), ''))"
                + " WHERE s.ServiceID = ? AND s.Status IN ('queued', 'started')", chunkNo, id);
        dropOpenChunks(c, id);
    }

    static void dropOpenChunks(Connection c, String id) throws SQLException {
        Rows.update(c, "UPDATE service_chunks SET Status = 'dropped', ClaimedBy = NULL"
                + " WHERE ServiceID = ? AND Status = 'open'", id);
    }

    /** Renews the claim; false when it was lost (the lease ran out and another took the chunk). */
    public boolean heartbeat(ChunkClaim claim) throws SQLException {
        return updateFenced(claim, "UPDATE service_chunks SET HeartbeatAt = UTC_TIMESTAMP(3)");
    }

    /**
     * Records results {@code fromIndex, fromIndex+1, ...} of the chunk and, in the same transaction, how far the
     * chunk got (their number and the last name), so a resumed chunk lists on from there; idempotent.
     */
    public boolean appendResults(ChunkClaim claim, int fromIndex, List<ImageResult> results) throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockFenced(c, claim)) {
                return false;
            }
            ResultsTable.append(c, claim.serviceId(), claim.seqOf(fromIndex), results);
            Rows.update(c, "UPDATE service_chunks SET DoneCount = ?, LastDone = ?, HeartbeatAt = UTC_TIMESTAMP(3)"
                    + " WHERE ServiceID = ? AND ChunkNo = ?", fromIndex + results.size(),
                    results.get(results.size() - 1).image(), claim.serviceId(), claim.chunkNo());
            return true;
        });
    }

    /** The chunk's last image is recorded: it is done, and if it was the service's last, the service finishes. */
    public Completion complete(ChunkClaim claim) throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockFenced(c, claim)) {
                return Completion.LOST;
            }
            Rows.update(c, "UPDATE service_chunks SET Status = 'done', ClaimedBy = NULL, HeartbeatAt = NULL"
                    + " WHERE ServiceID = ? AND ChunkNo = ?", claim.serviceId(), claim.chunkNo());
            boolean last = ServiceCompletion.lockRunning(c, claim.serviceId(), true)
                    && completion.finishIfComplete(c, claim.serviceId());
            return last ? Completion.SERVICE_FINISHED : Completion.DONE;
        });
    }

    /** Hands the chunk back unfinished (shutdown): any instance takes it at once; not counted as a failure. */
    public boolean release(ChunkClaim claim) throws SQLException {
        return updateFenced(claim, "UPDATE service_chunks SET ClaimedBy = NULL, HeartbeatAt = NULL,"
                + " Attempts = GREATEST(Attempts - 1, 0)");
    }

    /** Storage is not answering: nobody takes the chunk again before a backoff that grows with its attempts. */
    public boolean postpone(ChunkClaim claim, String problem) throws SQLException {
        return updateFenced(claim, "UPDATE service_chunks SET ClaimedBy = NULL, HeartbeatAt = NULL,"
                + " NotBefore = UTC_TIMESTAMP(3) + INTERVAL LEAST(" + WorkQueue.FIRST_RETRY_SECONDS
                + " * POW(2, GREATEST(Attempts - 1, 0)), " + WorkQueue.MAX_RETRY_SECONDS + ") SECOND,"
                + " LastProblem = ?", ResultText.bounded(problem, 1000));
    }

    /** The bucket is gone or forbidden: the service fails with {@code reason}, and its other chunks are dropped. */
    public boolean failService(ChunkClaim claim, String reason) throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockFenced(c, claim)) {
                return false;
            }
            Rows.update(c, "UPDATE services SET Status = 'failed', Error = ?, ServiceEndTime = UTC_TIMESTAMP(3),"
                    + " ClaimedBy = NULL, HeartbeatAt = NULL WHERE ServiceID = ? AND Status IN ('queued', 'started')",
                    reason, claim.serviceId());
            dropOpenChunks(c, claim.serviceId());
            return true;
        });
    }

    /** Locks the chunk row; true while this claim still holds it (same owner, same token, still open). */
    private static boolean lockFenced(Connection c, ChunkClaim claim) throws SQLException {
        return !Rows.selectAll(c, "SELECT 1 FROM service_chunks WHERE ServiceID = ? AND ChunkNo = ?"
                + " AND ClaimedBy = ? AND Claims = ? AND Status = 'open' FOR UPDATE", rs -> 1,
                claim.serviceId(), claim.chunkNo(), claim.owner(), claim.token()).isEmpty();
    }

    private boolean updateFenced(ChunkClaim claim, String updateWithoutWhere, Object... leading) throws SQLException {
        Object[] values = new Object[leading.length + 4];
        System.arraycopy(leading, 0, values, 0, leading.length);
        values[leading.length] = claim.serviceId();
        values[leading.length + 1] = claim.chunkNo();
        values[leading.length + 2] = claim.owner();
        values[leading.length + 3] = claim.token();
        return LockConflicts.retrying(() -> {
            try (Connection c = dataSource.getConnection()) {
                return Rows.update(c, updateWithoutWhere + " WHERE ServiceID = ? AND ChunkNo = ? AND ClaimedBy = ?"
                        + " AND Claims = ? AND Status = 'open'", values) == 1;
            }
        });
    }
}
