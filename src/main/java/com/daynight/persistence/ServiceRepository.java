package com.daynight.persistence;

import com.daynight.service.ImageResult;
import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads and creates rows of the services table; the work queue's writes are in {@link WorkQueue}. */
public class ServiceRepository {

    /** The columns of a service's record but ImagesDone, which each query counts its own way. */
    private static final String SERVICE_COLUMNS = "s.ServiceID, s.UserName, s.Bucket, s.ServiceRequestTime,"
            + " s.ServiceStartTime, s.Status, s.ServiceEndTime, s.Error, s.ImagesTotal";

    static final String SELECT_SERVICE = "SELECT " + SERVICE_COLUMNS + ","
            + " (SELECT COUNT(*) FROM service_results r WHERE r.ServiceID = s.ServiceID) AS ImagesDone"
            + " FROM services s";

    private static final String SELECT_RESULTS = "SELECT Seq, Image, Result, Confidence, Error"
            + " FROM service_results WHERE ServiceID = ?";

    /** Results read per query: enough to make each round trip worth it, few enough to hold at once. */
    static final int PAGE_SIZE = 1_000;

    private final DataSource dataSource;

    public ServiceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts a queued service; the database takes the request time.
     *
     * @return false when the ServiceID exists already (the caller draws another)
     */
    public boolean insertQueued(String serviceId, String userName, String bucket) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return insertQueued(c, serviceId, userName, bucket);
        }
    }

    static boolean insertQueued(Connection c, String serviceId, String userName, String bucket) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO services"
                + " (ServiceID, UserName, Bucket, ServiceRequestTime, Status)"
                + " VALUES (?, ?, ?, UTC_TIMESTAMP(3), 'queued')")) {
            insert.setString(1, serviceId);
            insert.setString(2, userName);
            insert.setString(3, bucket);
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        }
    }

    public Optional<ServiceRecord> find(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, serviceId);
        }
    }

    Optional<ServiceRecord> find(Connection c, String serviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_SERVICE + " WHERE s.ServiceID = ?")) {
            select.setString(1, serviceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
            }
        }
    }

    /** A service's record and the counts of its results by answer. */
    public record ServiceWithCounts(ServiceRecord service, ResultCounts counts) {
    }

    /**
     * The service's results counted by answer in the statement that reads its record, ImagesDone being their
     * sum: the page's progress and counts agree however fast the service writes. The counts are taken in one
     * pass over the service's results (a derived table: it cannot refer to s, hence the ID twice).
     */
    private static final String SELECT_SERVICE_WITH_COUNTS = "SELECT " + SERVICE_COLUMNS + ","
            + " c.Days, c.Nights, c.Errors, c.Days + c.Nights + c.Errors AS ImagesDone"
            + " FROM services s CROSS JOIN (SELECT COALESCE(SUM(Result = 'day'), 0) AS Days,"
            + " COALESCE(SUM(Result = 'night'), 0) AS Nights,"
            + " COALESCE(SUM(Result NOT IN ('day', 'night')), 0) AS Errors"
            + " FROM service_results WHERE ServiceID = ?) c"
            + " WHERE s.ServiceID = ?";

    /** As {@link #find(String)}, with the day, night and error counts read in the same statement. */
    public Optional<ServiceWithCounts> findWithCounts(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(SELECT_SERVICE_WITH_COUNTS)) {
            select.setString(1, serviceId);
            select.setString(2, serviceId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultCounts counts = new ResultCounts(rs.getInt("Days"), rs.getInt("Nights"), rs.getInt("Errors"));
                return Optional.of(new ServiceWithCounts(toRecord(rs), counts));
            }
        }
    }

    /**
     * A user's services, newest first. The name must match exactly: the column's collation compares with
     * trailing spaces ignored (PAD SPACE, on MySQL and MariaDB alike), so equal lengths are required too, or
     * "Bob" would list the services of "Bob  ".
     */
    public List<ServiceRecord> findByUser(String userName, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return selectAll(c, SELECT_SERVICE
                    + " WHERE s.UserName = ? AND CHAR_LENGTH(s.UserName) = CHAR_LENGTH(?)"
                    + " ORDER BY s.ServiceRequestTime DESC, s.ServiceID LIMIT ?",
                    ServiceRepository::toRecord, userName, userName, limit);
        }
    }

    /**
     * The results recorded so far, in the bucket's listing order, handed one by one to {@code sink}. They are
     * read a page at a time, each page on a connection of its own: a bucket of many thousand images never sits
     * in memory, and a slow reader of the answer never holds a connection for long.
     */
    public void forEachResult(String serviceId, Consumer<ImageResult> sink) throws SQLException {
        forEachResult(serviceId, 0, sink);
    }

    /**
     * As {@link #forEachResult(String, Consumer)}, from the result at index {@code from} (0 for the first) on:
     * a page that follows a running service asks only for the results it has not seen yet.
     */
    public void forEachResult(String serviceId, int from, Consumer<ImageResult> sink) throws SQLException {
        forEachResult(afterSeq -> {
            try (Connection c = dataSource.getConnection()) {
                return page(c, serviceId, afterSeq, PAGE_SIZE);
            }
        }, from, sink);
    }

    /** As {@link #forEachResult(String, Consumer)}, inside the caller's transaction. */
    void forEachResult(Connection c, String serviceId, Consumer<ImageResult> sink) throws SQLException {
        forEachResult(afterSeq -> page(c, serviceId, afterSeq, PAGE_SIZE), 0, sink);
    }

    /** Reads the page after a sequence number. */
    private interface Pages {
        List<ResultRow> after(int seq) throws SQLException;
    }

    private static void forEachResult(Pages pages, int from, Consumer<ImageResult> sink) throws SQLException {
        // Results are numbered 0 .. n-1 with no gap (they are written in order, a batch per transaction).
        int afterSeq = from - 1;
        List<ResultRow> page;
        do {
            page = pages.after(afterSeq);
            for (ResultRow row : page) {
                sink.accept(row.result());
                afterSeq = row.seq();
            }
        } while (page.size() == PAGE_SIZE);
    }

    public List<ImageResult> results(String serviceId) throws SQLException {
        List<ImageResult> results = new ArrayList<>();
        forEachResult(serviceId, results::add);
        return results;
    }

    /** The first {@code limit} results, in listing order: what a page shows of a large service. */
    public List<ImageResult> firstResults(String serviceId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return page(c, serviceId, -1, limit).stream().map(ResultRow::result).toList();
        }
    }

    /** The first {@code limit} results whose answer is {@code result} ("day", "night", "error"), in listing order. */
    public List<ImageResult> firstResults(String serviceId, String result, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return selectAll(c, SELECT_RESULTS + " AND Result = ? ORDER BY Seq LIMIT ?",
                    ServiceRepository::toResult, serviceId, result, limit);
        }
    }

    /** One result with its place in the listing. */
    private record ResultRow(int seq, ImageResult result) {
    }

    /** Up to {@code limit} results after sequence number {@code afterSeq}: keyset paging, fast at any depth. */
    private static List<ResultRow> page(Connection c, String serviceId, int afterSeq, int limit) throws SQLException {
        return selectAll(c, SELECT_RESULTS + " AND Seq > ? ORDER BY Seq LIMIT ?",
                rs -> new ResultRow(rs.getInt("Seq"), toResult(rs)), serviceId, afterSeq, limit);
    }

    /** Reads one row of a result set. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code values} (strings and integers) bound in order, and reads every row. */
    private static <T> List<T> selectAll(Connection c, String sql, RowReader<T> reader, Object... values)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /** One row of service_results, read by column name; a NULL Confidence stays null. */
    private static ImageResult toResult(ResultSet rs) throws SQLException {
        double confidence = rs.getDouble("Confidence");
        Double known = rs.wasNull() ? null : confidence;
        return new ImageResult(rs.getString("Image"), rs.getString("Result"), known, rs.getString("Error"));
    }

    /** The Results column: the document written when the service finished, or null before. */
    public Optional<String> storedDocument(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT Results FROM services WHERE ServiceID = ?")) {
            select.setString(1, serviceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static ServiceRecord toRecord(ResultSet rs) throws SQLException {
        Number total = (Number) rs.getObject("ImagesTotal");
        return new ServiceRecord(
                rs.getString("ServiceID"),
                rs.getString("UserName"),
                rs.getString("Bucket"),
                instant(rs, "ServiceRequestTime"),
                instant(rs, "ServiceStartTime"),
                ServiceStatus.fromDb(rs.getString("Status")),
                instant(rs, "ServiceEndTime"),
                rs.getString("Error"),
                rs.getInt("ImagesDone"),
                total == null ? null : total.intValue());
    }

    /** The columns hold UTC wall-clock times taken by the database with UTC_TIMESTAMP(3). */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
