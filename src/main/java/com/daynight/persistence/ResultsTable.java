package com.daynight.persistence;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service_results table: one row per image of a service, numbered in the bucket's listing order: a chunk's
 * number times ChunkQueue.SEQ_STRIDE plus the image's index in the chunk (each chunk is written in order, a batch
 * per transaction). Seq is a BIGINT: more than 2^31 results fit. Writes happen only inside the work queue's
 * owned transactions ({@link WorkQueue}); reads serve the pages and the results document.
 */
public class ResultsTable {

    private static final Logger log = LoggerFactory.getLogger(ResultsTable.class);

    private static final String SELECT_RESULTS = "SELECT Seq, Image, Result, Confidence, Error"
            + " FROM service_results WHERE ServiceID = ?";

    /** Results read per query: enough to make each round trip worth it, few enough to hold at once. */
    static final int PAGE_SIZE = 1_000;

    private final DataSource dataSource;

    public ResultsTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The results recorded so far, from the one at index {@code from} (0 for the first) on, in listing order,
     * handed one by one to {@code sink}. They are read a page at a time, each page on a connection of its own:
     * a bucket of many thousand images never sits in memory, and a slow reader of the answer never holds a
     * connection for long.
     */
    public void forEach(String serviceId, long from, Consumer<ImageResult> sink) throws SQLException {
        long settled = settledBefore(serviceId);
        forEach(afterSeq -> {
            try (Connection c = dataSource.getConnection()) {
                return page(c, serviceId, afterSeq, PAGE_SIZE).stream().filter(row -> row.seq() < settled).toList();
            }
        }, seqBefore(serviceId, from), sink);
    }

    /**
     * Where the unbroken prefix of results in listing order ends: chunks are worked side by side, so a later
     * chunk's results can be there before an earlier one's; a reader polling with ?from= must not see them yet,
     * or the earlier ones would arrive later and shift every index. An open chunk's DoneCount is committed
     * with its results.
     */
    private long settledBefore(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Long settled = Rows.selectAll(c, "SELECT MIN(ChunkNo * ? + DoneCount) FROM service_chunks"
                    + " WHERE ServiceID = ? AND Status = 'open'", rs -> (Long) rs.getObject(1, Long.class),
                    ChunkQueue.SEQ_STRIDE, serviceId).get(0);
            return settled == null ? Long.MAX_VALUE : settled;
        }
    }

    /** Every result, inside the caller's transaction. */
    static void forEach(Connection c, String serviceId, Consumer<ImageResult> sink) throws SQLException {
        forEach(afterSeq -> page(c, serviceId, afterSeq, PAGE_SIZE), -1, sink);
    }

    /**
     * The Seq after which the result at index {@code from} comes: Seq numbers leave gaps between chunks
     * (ChunkQueue.SEQ_STRIDE), so an index is found by counting along the primary key.
     */
    private long seqBefore(String serviceId, long from) throws SQLException {
        if (from <= 0) {
            return -1;
        }
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectFirst(c, "SELECT Seq FROM service_results WHERE ServiceID = ? ORDER BY Seq LIMIT 1 OFFSET ?",
                    rs -> rs.getLong(1), serviceId, from - 1).orElse(Long.MAX_VALUE);
        }
    }

    /**
     * One page of the service's results, the database doing the filtering, sorting and counting over all of them
     * (never over a first slice). Offsets are bounded by the caller; the indexes of db/V7 serve every order but
     * the name's, which sorts the service's rows (or those of one answer) in memory.
     */
    public List<Row> page(String serviceId, ResultQuery query) throws SQLException {
        String where = query.result() == null ? "" : " AND Result = ?";
        String sql = SELECT_RESULTS + where + " ORDER BY " + query.order().orderBy(query.descending())
                + " LIMIT ? OFFSET ?";
        Object[] values = query.result() == null
                ? new Object[] {serviceId, query.limit(), query.offset()}
                : new Object[] {serviceId, query.result(), query.limit(), query.offset()};
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectAll(c, sql, rs -> new Row(rs.getLong("Seq"), toResult(rs)), values);
        }
    }

    /** The result at index {@code seq} of the listing, if it has been recorded: what a thumbnail shows. */
    public Optional<ImageResult> at(String serviceId, long seq) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectFirst(c, SELECT_RESULTS + " AND Seq = ?", ResultsTable::toResult, serviceId, seq);
        }
    }

    /**
     * How many day and night answers fall in each of {@code bins} equal steps of confidence from 0.5 to 1 (a
     * lower one, which a calibrated model may give, counts in the first): [day counts, night counts].
     */
    public int[][] confidenceHistogram(String serviceId, int bins) throws SQLException {
        int[][] counts = new int[2][bins];
        try (Connection c = dataSource.getConnection()) {
            Rows.selectAll(c, "SELECT Result, LEAST(GREATEST(FLOOR((Confidence - 0.5) * ? * 2), 0), ? - 1) AS Bin,"
                    + " COUNT(*) AS N FROM service_results WHERE ServiceID = ? AND Result IN ('day', 'night')"
                    + " GROUP BY Result, Bin", rs -> {
                        counts[rs.getString("Result").equals("day") ? 0 : 1][rs.getInt("Bin")] = rs.getInt("N");
                        return null;
                    }, bins, bins, serviceId);
        }
        return counts;
    }

    /** Every result, in listing order (tests and small services). */
    List<ImageResult> all(String serviceId) throws SQLException {
        List<ImageResult> results = new ArrayList<>();
        forEach(serviceId, 0, results::add);
        return results;
    }

    /**
     * Records results {@code firstSeq, firstSeq+1, ...}; idempotent, so a retried batch does no harm. Names and
     * errors are stored as {@link ResultText} bounds them. Should the database still refuse a row for its data
     * (SQLState 22xxx and the like: {@link DataErrors}), the batch is written again row by row, and a row refused
     * again is stored as an error entry under a short ASCII form of its name: one odd name costs that entry,
     * never the service, and is never mistaken for an interruption.
     */
    static void append(Connection c, String serviceId, long firstSeq, List<ImageResult> results) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_RESULT)) {
            long seq = firstSeq;
            for (ImageResult r : results) {
                bind(insert, serviceId, seq++, r);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (!DataErrors.isDataError(e)) {
                throw e;
            }
            // A refused statement is undone alone (InnoDB keeps the transaction), and the insert is idempotent.
            appendOneByOne(c, serviceId, firstSeq, results);
        }
    }

    private static final String INSERT_RESULT = "INSERT INTO service_results"
            + " (ServiceID, Seq, Image, Result, Confidence, Error) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE Image = VALUES(Image), Result = VALUES(Result),"
            + " Confidence = VALUES(Confidence), Error = VALUES(Error)";

    private static void appendOneByOne(Connection c, String serviceId, long firstSeq, List<ImageResult> results)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_RESULT)) {
            long seq = firstSeq;
            for (ImageResult r : results) {
                try {
                    bind(insert, serviceId, seq, r);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!DataErrors.isDataError(e)) {
                        throw e;
                    }
                    log.warn("result {} of service {} refused by the database ({}); stored as an error entry: {}",
                            seq, serviceId, e.getMessage(), ResultText.safeAscii(r.image()));
                    bind(insert, serviceId, seq, ImageResult.failed(ResultText.safeAscii(r.image()),
                            "this entry could not be stored as it was (SQLState " + e.getSQLState() + ")"));
                    insert.executeUpdate();
                }
                seq++;
            }
        }
    }

    private static void bind(PreparedStatement insert, String serviceId, long seq, ImageResult r) throws SQLException {
        insert.setString(1, serviceId);
        insert.setLong(2, seq);
        insert.setString(3, ResultText.image(r.image()));
        insert.setString(4, r.result());
        if (r instanceof ImageResult.Classified classified) {
            insert.setDouble(5, classified.confidence());
            insert.setNull(6, Types.VARCHAR);
        } else {
            insert.setNull(5, Types.DOUBLE);
            insert.setString(6, ResultText.error(((ImageResult.Failed) r).error()));
        }
    }

    static void deleteAll(Connection c, String serviceId) throws SQLException {
        Rows.update(c, "DELETE FROM service_results WHERE ServiceID = ?", serviceId);
    }

    /** One result with its place in the listing (its Seq, which a thumbnail's address names). */
    public record Row(long seq, ImageResult result) {
    }

    /** Reads the page after a sequence number. */
    private interface Pages {
        List<Row> after(long seq) throws SQLException;
    }

    private static void forEach(Pages pages, long afterSeq, Consumer<ImageResult> sink) throws SQLException {
        List<Row> page;
        do {
            page = pages.after(afterSeq);
            for (Row row : page) {
                sink.accept(row.result());
                afterSeq = row.seq();
            }
        } while (page.size() == PAGE_SIZE);
    }

    /** Up to {@code limit} results after sequence number {@code afterSeq}: keyset paging, fast at any depth. */
    private static List<Row> page(Connection c, String serviceId, long afterSeq, int limit) throws SQLException {
        return Rows.selectAll(c, SELECT_RESULTS + " AND Seq > ? ORDER BY Seq LIMIT ?",
                rs -> new Row(rs.getLong("Seq"), toResult(rs)), serviceId, afterSeq, limit);
    }

    /** One row, read by column name: Result is "day", "night" or "error" (ImageResult.ERROR). */
    private static ImageResult toResult(ResultSet rs) throws SQLException {
        String image = rs.getString("Image");
        String result = rs.getString("Result");
        return ImageResult.ERROR.equals(result)
                ? ImageResult.failed(image, rs.getString("Error"))
                : ImageResult.classified(image, Label.fromJsonName(result), rs.getDouble("Confidence"));
    }
}
