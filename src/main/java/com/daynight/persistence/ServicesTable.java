package com.daynight.persistence;

import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The services table: one row per service. Inserts and reads are here; the work queue's claim and progress
 * updates of the same rows are in {@link WorkQueue}, which owns those columns.
 */
public class ServicesTable {

    /** The columns of a service's record but ImagesDone, which each query counts its own way. */
    private static final String SERVICE_COLUMNS = "s.ServiceID, s.UserName, s.Bucket, s.ServiceRequestTime,"
            + " s.ServiceStartTime, s.Status, s.ServiceEndTime, s.Error, s.ImagesTotal, s.ListingDone";

    private static final String SELECT_SERVICE = "SELECT " + SERVICE_COLUMNS + ","
            + " (SELECT COUNT(*) FROM service_results r WHERE r.ServiceID = s.ServiceID) AS ImagesDone"
            + " FROM services s";

    /** A service's results counted by answer, in one pass over them, for a query over service_results. */
    private static final String ANSWER_COUNTS = "COALESCE(SUM(Result = 'day'), 0) AS Days,"
            + " COALESCE(SUM(Result = 'night'), 0) AS Nights,"
            + " COALESCE(SUM(Result NOT IN ('day', 'night')), 0) AS Errors";

    /**
     * The service's results counted by answer in the statement that reads its record, ImagesDone being their
     * sum: the page's progress and counts agree however fast the service writes. The counts are taken in one
     * pass over the service's results (a derived table: it cannot refer to s, hence the ID twice).
     */
    private static final String SELECT_SERVICE_WITH_COUNTS = "SELECT " + SERVICE_COLUMNS + ","
            + " c.Days, c.Nights, c.Errors, c.Days + c.Nights + c.Errors AS ImagesDone"
            + " FROM services s CROSS JOIN (SELECT " + ANSWER_COUNTS + " FROM service_results WHERE ServiceID = ?) c"
            + " WHERE s.ServiceID = ?";

    private final DataSource dataSource;

    public ServicesTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts a queued service; the database takes the request time.
     *
     * @return false when the ServiceID exists already (the caller draws another)
     */
    static boolean insertQueued(Connection c, String serviceId, String userName, String bucket) throws SQLException {
        return insertQueued(c, serviceId, userName, bucket, null);
    }

    /** @param owner the verified principal that submitted it (null: only admins see the service) */
    static boolean insertQueued(Connection c, String serviceId, String userName, String bucket, String owner)
            throws SQLException {
        try {
            Rows.update(c, "INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status, Owner)"
                    + " VALUES (?, ?, ?, UTC_TIMESTAMP(3), 'queued', ?)", serviceId, userName, bucket, owner);
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        }
    }

    /** How many services wait for a worker: the queue's depth. */
    static int countQueued(Connection c) throws SQLException {
        return Rows.selectAll(c, "SELECT COUNT(*) FROM services WHERE Status = 'queued'", rs -> rs.getInt(1)).get(0);
    }

    /** How many of the queued services are this principal's (their own limit, USER_QUEUE_LIMIT). */
    static int countQueued(Connection c, String owner) throws SQLException {
        return Rows.selectAll(c, "SELECT COUNT(*) FROM services WHERE Owner = ? AND Status = 'queued'",
                rs -> rs.getInt(1), owner).get(0);
    }

    /** Any service, whoever owns it: for the queue's own use and tests, never for an answer to a user. */
    Optional<ServiceRecord> find(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, serviceId);
        }
    }

    /** The service if this viewer may see it; empty alike when it does not exist and when it is someone else's. */
    public Optional<ServiceRecord> find(String serviceId, Viewer viewer) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectFirst(c, SELECT_SERVICE + " WHERE s.ServiceID = ? AND " + Viewer.CONDITION,
                    ServicesTable::toRecord, serviceId, viewer.seesAll(), viewer.principal());
        }
    }

    static Optional<ServiceRecord> find(Connection c, String serviceId) throws SQLException {
        return Rows.selectFirst(c, SELECT_SERVICE + " WHERE s.ServiceID = ?", ServicesTable::toRecord, serviceId);
    }

    /** A service's record and the counts of its results by answer. */
    public record ServiceWithCounts(ServiceRecord service, ResultCounts counts) {
    }

    /** As {@link #find(String, Viewer)}, with the day, night and error counts read in the same statement. */
    public Optional<ServiceWithCounts> findWithCounts(String serviceId, Viewer viewer) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectFirst(c, SELECT_SERVICE_WITH_COUNTS + " AND " + Viewer.CONDITION,
                    rs -> new ServiceWithCounts(toRecord(rs), toCounts(rs)),
                    serviceId, serviceId, viewer.seesAll(), viewer.principal());
        }
    }

    /**
     * A user's services, newest first. The name must match exactly: the column's collation compares with
     * trailing spaces ignored (PAD SPACE, on MySQL and MariaDB alike), so equal lengths are required too, or
     * "Bob" would list the services of "Bob  ". Only the services this viewer may see are listed.
     */
    public List<ServiceRecord> findByUser(String userName, Viewer viewer, int limit) throws SQLException {
        return findByUser(userName, viewer, 0, limit).services().stream().map(ServiceWithCounts::service).toList();
    }

    /** The condition findByUser explains, on services aliased s: binds the name twice, then the viewer. */
    private static final String OF_USER = " WHERE s.UserName = ? AND CHAR_LENGTH(s.UserName) = CHAR_LENGTH(?) AND "
            + Viewer.CONDITION;

    /** One page of a user's services, newest first, and how many they have in all (that this viewer may see). */
    public record UserPage(List<ServiceWithCounts> services, int total) {
    }

    /**
     * As {@link #findByUser(String, Viewer, int)}, a page at a time ({@code offset} bounded by the caller), each
     * service with the counts of its answers: read in a second statement for the page's services only, from the
     * (ServiceID, Result) index, so a user with many large services costs no more than the page shows.
     */
    public UserPage findByUser(String userName, Viewer viewer, int offset, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int total = Rows.selectAll(c, "SELECT COUNT(*) FROM services s" + OF_USER, rs -> rs.getInt(1),
                    userName, userName, viewer.seesAll(), viewer.principal()).get(0);
            List<ServiceRecord> records = Rows.selectAll(c, SELECT_SERVICE + OF_USER
                    + " ORDER BY s.ServiceRequestTime DESC, s.ServiceID LIMIT ? OFFSET ?", ServicesTable::toRecord,
                    userName, userName, viewer.seesAll(), viewer.principal(), limit, offset);
            Map<String, ResultCounts> counts = new HashMap<>();
            if (!records.isEmpty()) {
                String ids = String.join(", ", Collections.nCopies(records.size(), "?"));
                Rows.selectAll(c, "SELECT ServiceID, " + ANSWER_COUNTS
                        + " FROM service_results WHERE ServiceID IN (" + ids + ") GROUP BY ServiceID",
                        rs -> counts.put(rs.getString("ServiceID"), toCounts(rs)),
                        records.stream().map(ServiceRecord::serviceId).toArray());
            }
            return new UserPage(records.stream().map(r -> new ServiceWithCounts(r,
                    counts.getOrDefault(r.serviceId(), ResultCounts.NONE))).toList(), total);
        }
    }

    /** Status to count, across every instance sharing the database; a status no service is in is absent. */
    public Map<String, Long> countByStatus() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> counts = new HashMap<>();
            // Reads only the (Status, ServiceRequestTime) index.
            for (Map.Entry<String, Long> row : Rows.selectAll(c, "SELECT Status, COUNT(*) FROM services GROUP BY Status",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
                counts.put(row.getKey(), row.getValue());
            }
            return counts;
        }
    }

    /** The Results column: the document written when the service finished, or null before. */
    Optional<String> storedDocument(String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rows.selectFirst(c, "SELECT Results FROM services WHERE ServiceID = ?",
                    rs -> Optional.ofNullable(rs.getString(1)), serviceId).flatMap(d -> d);
        }
    }

    private static ResultCounts toCounts(ResultSet rs) throws SQLException {
        return new ResultCounts(rs.getLong("Days"), rs.getLong("Nights"), rs.getLong("Errors"));
    }

    private static ServiceRecord toRecord(ResultSet rs) throws SQLException {
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
                rs.getLong("ImagesDone"),
                total == null ? null : total.longValue(),
                rs.getBoolean("ListingDone"));
    }

    /** The columns hold UTC wall-clock times taken by the database with UTC_TIMESTAMP(3). */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
