package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.persistence.QueueAdmission.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QUEUE_LIMIT against a real MariaDB: exact under a burst of concurrent submissions. */
class QueueAdmissionIT {

    private static TestDatabase db;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = TestDatabase.create();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyQueue() throws Exception {
        db.execute("DELETE FROM services");
    }

    private static int queued() throws Exception {
        return Integer.parseInt(db.query("SELECT COUNT(*) FROM services WHERE Status = 'queued'"));
    }

    /**
     * 60 submissions released at once against a limit of 20. With the lock taken out (count, then insert, as
     * before), three runs admitted 23, 22 and 20: the race needs two counts between an insert and its commit.
     */
    @Test
    void aBurstOfSubmissionsFillsTheQueueToItsLimitAndNoFurther() throws Exception {
        QueueAdmission admission = new QueueAdmission(db.dataSource(), 20);
        int submissions = 60;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        try {
            List<Future<Outcome>> answers = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String id = String.format("BRST%04d", i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return admission.admit(id, "Ann", "holiday");
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get());
            }
            Map<Outcome, Long> counted = outcomes.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(Outcome.QUEUED, 20L, Outcome.QUEUE_FULL, 40L), counted);
            assertEquals(20, queued());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLimitCountsOnlyServicesThatWait() throws Exception {
        QueueAdmission admission = new QueueAdmission(db.dataSource(), 2);
        assertEquals(Outcome.QUEUED, admission.admit("WAIT0001", "Ann", "holiday"));
        assertEquals(Outcome.QUEUED, admission.admit("WAIT0002", "Ann", "holiday"));
        assertEquals(Outcome.QUEUE_FULL, admission.admit("WAIT0003", "Ann", "holiday"));
        db.execute("UPDATE services SET Status = 'started' WHERE ServiceID = 'WAIT0001'");
        assertEquals(Outcome.QUEUED, admission.admit("WAIT0003", "Ann", "holiday"), "a claimed service frees a place");
        assertEquals(2, queued());
    }

    @Test
    void aTakenServiceIdIsReportedAndChangesNothing() throws Exception {
        QueueAdmission admission = new QueueAdmission(db.dataSource(), 10);
        assertEquals(Outcome.QUEUED, admission.admit("SAME0001", "Ann", "first"));
        assertEquals(Outcome.ID_TAKEN, admission.admit("SAME0001", "Bob", "second"));
        assertEquals("Ann first", db.query("SELECT CONCAT(UserName, ' ', Bucket) FROM services"));
    }

    @Test
    void aLockHeldElsewhereTimesOutWithoutARowAndIsFreeAfterEachSubmission() throws Exception {
        QueueAdmission admission = new QueueAdmission(db.dataSource(), 10, Integer.MAX_VALUE, 1);
        try (Connection other = db.dataSource().getConnection(); Statement s = other.createStatement()) {
            assertEquals(1, single(s, "SELECT GET_LOCK(" + QueueAdmission.LOCK_NAME + ", 0)"));
            assertThrows(SQLTransientException.class, () -> admission.admit("LOCK0001", "Ann", "holiday"));
            assertEquals(0, queued(), "nothing inserted without the lock");
            single(s, "SELECT RELEASE_LOCK(" + QueueAdmission.LOCK_NAME + ")");

            assertEquals(Outcome.QUEUED, admission.admit("LOCK0001", "Ann", "holiday"));
            assertEquals(1, single(s, "SELECT IS_FREE_LOCK(" + QueueAdmission.LOCK_NAME + ")"), "released");
        }
    }

    private static int single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anOwnersOwnLimitIsHeldApartFromTheQueuesLimit() throws Exception {
        QueueAdmission admission = new QueueAdmission(db.dataSource(), 10, 2);
        assertEquals(Outcome.QUEUED, admission.admit("MINE0001", "Ann", "holiday", "ann@example.com"));
        assertEquals(Outcome.QUEUED, admission.admit("MINE0002", "Ann", "holiday", "ann@example.com"));
        assertEquals(Outcome.USER_QUEUE_FULL, admission.admit("MINE0003", "Ann", "holiday", "ann@example.com"));
        assertEquals(Outcome.QUEUED, admission.admit("MINE0003", "Ann", "holiday", "bob@example.com"),
                "another owner's services do not count");
    }
}
