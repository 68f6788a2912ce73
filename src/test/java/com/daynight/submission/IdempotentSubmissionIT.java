package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.persistence.QueueAdmission;
import com.daynight.persistence.TestDatabase;
import com.daynight.storage.GcsBucketNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key against a real database: a burst of the same submission makes one service. */
class IdempotentSubmissionIT {

    private static TestDatabase db;
    private SubmissionService submissions;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = TestDatabase.create();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        db.execute("DELETE FROM services"); // its keys go with it (ON DELETE CASCADE)
        submissions = new SubmissionService(new QueueAdmission(db.dataSource(), 1_000),
                GcsBucketNames::ruleBroken, new ServiceIdGenerator(), () -> { });
    }

    private static int rows(String table) throws Exception {
        return Integer.parseInt(db.query("SELECT COUNT(*) FROM " + table));
    }

    @Test
    void fortyConcurrentSubmissionsWithOneKeyMakeOneService() throws Exception {
        int submissionCount = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(submissionCount);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < submissionCount; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return submissions.submit("ann@example.com", "Ann", "holiday", "one-click-3f2a");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertEquals(1, ids.size(), "every repeat answers the first ServiceID: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows("services"));
        assertEquals(1, rows("idempotency_keys"));
    }

    @Test
    void theKeyIsScopedToThePrincipalTheNameAndTheBucket() throws Exception {
        String first = submissions.submit("ann@example.com", "Ann", "holiday", "k1");
        assertEquals(first, submissions.submit("ann@example.com", "Ann", " gs://holiday/ ", "k1"),
                "the same bucket, typed another way");
        Set<String> others = new HashSet<>(List.of(
                submissions.submit("bob@example.com", "Ann", "holiday", "k1"),
                submissions.submit("ann@example.com", "Ann B.", "holiday", "k1"),
                submissions.submit("ann@example.com", "Ann", "holiday-2", "k1"),
                submissions.submit("ann@example.com", "Ann", "holiday", "k2")));
        assertEquals(4, others.size());
        others.forEach(id -> assertNotEquals(first, id));
        assertEquals(5, rows("services"));
    }

    @Test
    void withoutAKeyEachSubmissionIsANewService() throws Exception {
        assertNotEquals(submissions.submit("ann@example.com", "Ann", "holiday"),
                submissions.submit("ann@example.com", "Ann", "holiday", null));
        assertEquals(2, rows("services"));
        assertEquals(0, rows("idempotency_keys"));
    }

    @Test
    void aKeyThatIsNoTokenIsRefusedByName() throws Exception {
        for (String bad : List.of("", "has space", "x".repeat(256), "caf\u00e9")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> submissions.submit("ann@example.com", "Ann", "holiday", bad));
            assertEquals("Idempotency-Key", e.field());
        }
        assertEquals(0, rows("services"));
    }
}
