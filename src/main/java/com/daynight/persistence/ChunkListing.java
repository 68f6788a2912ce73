package com.daynight.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The lister's side of the chunks: the instance holding a service's claim (WorkQueue) lists its bucket and cuts
 * a chunk every CHUNK_SIZE JPEGs, so other instances start on the first chunks while listing goes on. Each cut
 * raises the service's known total in the same transaction; the last one sets ListingDone. Every write is fenced
 * by the service claim. A lister taken over after a crash lists on from the last cut: nothing cut is listed again.
 */
public class ChunkListing {

    private final DataSource dataSource;
    private final ServiceCompletion completion;

    public ChunkListing(DataSource dataSource) {
        this(dataSource, ResultsColumn.DEFAULT_MAX_BYTES);
    }

    ChunkListing(DataSource dataSource, long maxDocumentBytes) {
        this.dataSource = dataSource;
        this.completion = new ServiceCompletion(new ResultsColumn(maxDocumentBytes));
    }

    /** Where listing goes on: the next chunk's number, its first name (null: the start), JPEGs listed before it. */
    public record ListingPoint(int nextChunk, String from, long listed) {
    }

    /**
     * Where an earlier lister stopped. Results without chunks were kept by a version that worked a service whole
     * (before chunks): they are forgotten, and the service starts over.
     */
    public ListingPoint resume(String id, String owner) throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockOwned(c, id, owner)) {
                return null;
            }
            ListingPoint point = Rows.selectFirst(c, "SELECT c.ChunkNo, c.EndBefore, COALESCE(s.ImagesTotal, 0)"
                    + " FROM service_chunks c JOIN services s ON s.ServiceID = c.ServiceID WHERE c.ServiceID = ?"
                    + " ORDER BY c.ChunkNo DESC LIMIT 1",
                    rs -> new ListingPoint(rs.getInt(1) + 1, rs.getString(2), rs.getLong(3)), id).orElse(null);
            if (point == null) {
                ResultsTable.deleteAll(c, id);
                Rows.update(c, "UPDATE services SET ImagesTotal = 0 WHERE ServiceID = ?", id);
                return new ListingPoint(0, null, 0);
            }
            return point;
        });
    }

    /** Cuts chunk {@code chunkNo}, names [first, endBefore); {@code listed} JPEGs are known in all. */
    public boolean cut(String id, String owner, int chunkNo, String first, String endBefore, long listed)
            throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockOwned(c, id, owner)) {
                return false;
            }
            insertChunk(c, id, chunkNo, first, endBefore);
            Rows.update(c, "UPDATE services SET ImagesTotal = ?, HeartbeatAt = UTC_TIMESTAMP(3) WHERE ServiceID = ?",
                    listed, id);
            return true;
        });
    }

    /** How ending the listing went. */
    public enum Ending { LISTED, SERVICE_FINISHED, LOST }

    /**
     * The listing reached the bucket's end: the last chunk (from {@code first} to the end; none when it would be
     * empty) is cut, the total is final, the service's claim is let go (its chunks carry the work now), and when
     * every chunk is done already (or there is none: an empty bucket) the service finishes here.
     */
    public Ending end(String id, String owner, int chunkNo, String first, int inLastChunk, long listed)
            throws SQLException {
        return ServiceCompletion.inTransaction(dataSource, c -> {
            if (!lockOwned(c, id, owner)) {
                return Ending.LOST;
            }
            if (inLastChunk > 0) {
                insertChunk(c, id, chunkNo, first, null);
            }
            Rows.update(c, "UPDATE services SET ImagesTotal = ?, ListingDone = TRUE, ClaimedBy = NULL,"
                    + " HeartbeatAt = NULL WHERE ServiceID = ?", listed, id);
            return completion.finishIfComplete(c, id) ? Ending.SERVICE_FINISHED : Ending.LISTED;
        });
    }

    private static void insertChunk(Connection c, String id, int chunkNo, String first, String endBefore)
            throws SQLException {
        Rows.update(c, "INSERT INTO service_chunks (ServiceID, ChunkNo, FirstName, EndBefore) VALUES (?, ?, ?, ?)",
                id, chunkNo, first, endBefore);
    }

    /** Locks the service row; true while {@code owner} holds its claim and it still runs. */
    private static boolean lockOwned(Connection c, String id, String owner) throws SQLException {
        return !Rows.selectAll(c, "SELECT 1 FROM services WHERE ServiceID = ? AND ClaimedBy = ?"
                + " AND Status IN ('queued', 'started') FOR UPDATE", rs -> 1, id, owner).isEmpty();
    }
}
