package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServicesTableIT {

    private static TestDatabase db;
    private static TestTables tables;
    private static ServicesTable services;
    /** Sees every service, as the lookups these tests check did before services had owners. */
    private static final Viewer ADMIN = new Viewer("admin@example.com", true);
    private static ResultsTable resultsTable;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        tables = new TestTables(db.dataSource());
        services = new ServicesTable(db.dataSource());
        resultsTable = new ResultsTable(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void insertsAQueuedRowWhoseRequestTimeIsTakenByTheDatabaseWithMilliseconds() throws Exception {
        assertTrue(tables.insertQueued("REPO0001", "Michael Jordan", "holiday"));

        ServiceRecord service = services.find("REPO0001").orElseThrow();
        assertEquals("Michael Jordan", service.userName());
        assertEquals("holiday", service.bucket());
        assertEquals(ServiceStatus.QUEUED, service.status());
        assertNull(service.startTime());
        assertNull(service.endTime());
        assertNull(service.total());
        assertEquals(0, service.done());
        assertTrue(Duration.between(service.requestTime(), Instant.now()).abs().toSeconds() < 60,
                "request time is UTC now, got " + service.requestTime());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATETIME_PRECISION FROM information_schema.COLUMNS"
                     + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'services'"
                     + " AND COLUMN_NAME = 'ServiceRequestTime'")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void aDuplicateServiceIdIsReportedNotOverwritten() throws Exception {
        assertTrue(tables.insertQueued("REPO0002", "Ann", "first"));
        assertFalse(tables.insertQueued("REPO0002", "Bob", "second"));
        assertEquals("Ann", services.find("REPO0002").orElseThrow().userName());
    }

    @Test
    void keepsUnicodeAndMarkupExactlyAsTyped() throws Exception {
        String name = "\u202Eevil\u202C <script>alert('x')</script>; DROP TABLE services; -- \uD83C\uDF19";
        assertTrue(tables.insertQueued("REPO0003", name, "holiday"));
        assertEquals(name, services.find("REPO0003").orElseThrow().userName());
    }

    @Test
    void listsAUsersServicesNewestFirst() throws Exception {
        tables.insertQueued("USER0001", "Zoe", "a-bucket");
        db.execute("UPDATE services SET ServiceRequestTime = ServiceRequestTime - INTERVAL 1 HOUR"
                + " WHERE ServiceID = 'USER0001'");
        tables.insertQueued("USER0002", "Zoe", "b-bucket");
        tables.insertQueued("USER0003", "zoe", "c-bucket");

        List<ServiceRecord> zoes = services.findByUser("Zoe", ADMIN, 10);
        assertEquals(List.of("USER0002", "USER0001"), zoes.stream().map(ServiceRecord::serviceId).toList());
    }

    @Test
    void trailingSpacesArePartOfTheNameALookupMatches() throws Exception {
        tables.insertQueued("SPACE001", "Bob", "a-bucket");
        tables.insertQueued("SPACE002", "Bob  ", "a-bucket");
        assertEquals(List.of("SPACE001"), idsOf("Bob"));
        assertEquals(List.of("SPACE002"), idsOf("Bob  "));
        assertEquals(List.of(), idsOf("Bob "));
    }

    private static List<String> idsOf(String userName) throws Exception {
        return services.findByUser(userName, ADMIN, 10).stream().map(ServiceRecord::serviceId).toList();
    }

    @Test
    void aViewerFindsAndListsOnlyTheirOwnServicesAndAnAdminEveryOne() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            ServicesTable.insertQueued(c, "OWNED001", "Pat", "a-bucket", "alice@example.com");
            ServicesTable.insertQueued(c, "OWNED002", "Pat", "a-bucket", "bob@example.com");
        }
        tables.insertQueued("OWNED003", "Pat", "a-bucket"); // a row from before owners: NULL
        Viewer alice = new Viewer("alice@example.com", false);
        Viewer bob = new Viewer("bob@example.com", false);

        assertTrue(services.find("OWNED001", alice).isPresent());
        assertTrue(services.find("OWNED001", bob).isEmpty(), "someone else's service is not found");
        assertTrue(services.findWithCounts("OWNED001", bob).isEmpty());
        assertTrue(services.find("OWNED003", alice).isEmpty(), "an ownerless row is for admins only");
        assertTrue(services.find("OWNED001", new Viewer(null, false)).isEmpty(), "no identity sees nothing");
        assertEquals(List.of("OWNED001"), services.findByUser("Pat", alice, 10).stream()
                .map(ServiceRecord::serviceId).toList());
        assertEquals(List.of("OWNED002"), services.findByUser("Pat", bob, 10).stream()
                .map(ServiceRecord::serviceId).toList());
        assertEquals(3, services.findByUser("Pat", ADMIN, 10).size());
        assertTrue(services.find("OWNED003", ADMIN).isPresent());
    }

    @Test
    void unknownServiceIsEmpty() throws Exception {
        assertTrue(services.find("NOSUCH00").isEmpty());
    }

    @Test
    void countsAndFilteredRowsComeFromTheDatabase() throws Exception {
        tables.insertQueued("COUNT001", "Ann", "holiday");
        WorkQueue queue = new WorkQueue(db.dataSource());
        db.execute("UPDATE services SET ClaimedBy = 'counter' WHERE ServiceID = 'COUNT001'");
        List<ImageResult> results = List.of(
                ImageResult.classified("a.jpg", Label.DAY, 0.9), ImageResult.classified("b.jpg", Label.NIGHT, 0.8),
                ImageResult.failed("c.jpg", "not a JPEG"), ImageResult.classified("d.jpg", Label.NIGHT, 0.7),
                ImageResult.classified("e.jpg", Label.NIGHT, 0.6));
        assertTrue(queue.appendResults("COUNT001", "counter", 0, results));

        ServicesTable.ServiceWithCounts counted = services.findWithCounts("COUNT001", ADMIN).orElseThrow();
        assertEquals(new ResultCounts(1, 3, 1), counted.counts());
        assertEquals(5, counted.service().done(), "done is the counts' sum");
        assertEquals(services.find("COUNT001").orElseThrow(), counted.service(), "the record as find reads it");
        assertTrue(services.findWithCounts("NOSUCH01", ADMIN).isEmpty());
        tables.insertQueued("COUNT002", "Ann", "holiday");
        assertEquals(ResultCounts.NONE, services.findWithCounts("COUNT002", ADMIN).orElseThrow().counts());
        assertEquals(0, services.findWithCounts("COUNT002", ADMIN).orElseThrow().service().done());
        assertEquals(List.of("b.jpg", "d.jpg"), resultsTable.page("COUNT001",
                new ResultQuery("night", ResultQuery.Order.LISTING, false, 0, 2)).stream()
                .map(row -> row.result().image()).toList());
        assertEquals(List.of(results.get(2)), resultsTable.page("COUNT001",
                new ResultQuery("error", ResultQuery.Order.LISTING, false, 0, 10)).stream()
                .map(ResultsTable.Row::result).toList());
    }
}
