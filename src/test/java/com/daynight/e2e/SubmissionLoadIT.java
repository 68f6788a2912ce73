package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many submissions at once from a load generator on loopback, against the jar and a real MariaDB: every
 * one is answered (202, or 503 with Retry-After once the queue is full by design), every accepted ServiceID
 * is in the database and finishes, and a refused one leaves no row. Prints the latency percentiles.
 */
class SubmissionLoadIT {

    private static final int SUBMISSIONS = 500;

    @TempDir
    Path work;

    @Test
    void fiveHundredSubmissionsAtOnceAreAllAcceptedAndNoneIsLost() throws Exception {
        Path buckets = work.resolve("buckets");
        AmosBucket.create(buckets, "tiny", 1);
        try (TestDatabase db = TestDatabase.create();
             RunningJar service = RunningJar.start("load", env(db, buckets, Map.of()))) {
            Burst burst = Burst.fire(service, SUBMISSIONS);
            burst.print("500 at once, QUEUE_LIMIT 10000");
            assertEquals(SUBMISSIONS, burst.count(202), "every one accepted: " + burst.statuses());
            assertEquals(SUBMISSIONS, burst.acceptedIds().size(), "500 different ServiceIDs");
            assertEquals(burst.acceptedIds(), idsInDatabase(db), "every accepted ServiceID is in the database");
            long drained = awaitAllFinished(db, SUBMISSIONS, Duration.ofMinutes(5));
            System.out.printf("load: the 500 services (2 pictures each) finished %d ms after the burst%n", drained);
        }
    }

    @Test
    void overTheQueueLimitSubmissionsGet503AndLeaveNoRow() throws Exception {
        Path buckets = work.resolve("buckets");
        AmosBucket.create(buckets, "slow", 80); // 160 pictures: services drain slowly while the burst lasts
        int limit = 20;
        try (TestDatabase db = TestDatabase.create();
             RunningJar service = RunningJar.start("load-limit", env(db, buckets,
                     Map.of("QUEUE_LIMIT", Integer.toString(limit), "WORKERS", "1")))) {
            Burst burst = Burst.fire(service, 200, "slow");
            burst.print("200 at once, QUEUE_LIMIT " + limit);
            assertEquals(200, burst.count(202) + burst.count(503), "each answered 202 or 503: " + burst.statuses());
            assertTrue(burst.count(503) > 0, "the queue filled up");
            assertTrue(burst.count(202) >= limit, "the queue took its " + limit + ": " + burst.statuses());
            assertTrue(burst.allRefusalsSayWhenToRetry(), "every 503 carries Retry-After");
            assertEquals(burst.acceptedIds(), idsInDatabase(db), "accepted ones stored, refused ones left no row");
            awaitAllFinished(db, burst.count(202), Duration.ofMinutes(5));
        }
    }

    private static Map<String, String> env(TestDatabase db, Path buckets, Map<String, String> more) {
        Map<String, String> env = new TreeMap<>(RunningJar.envWithDatabase(db,
                "BUCKETS_DIR", buckets.toString(), "WORKERS", "2"));
        env.putAll(more);
        return env;
    }

    /** One burst of concurrent submissions and what came back. */
    private record Burst(List<Integer> statuses, List<Long> micros, Set<String> acceptedIds, int retryAfters,
                         long wallMillis) {

        static Burst fire(RunningJar service, int count) throws Exception {
            return fire(service, count, "tiny");
        }

        /** All requests are released together once every one is built and its thread waiting. */
        static Burst fire(RunningJar service, int count, String bucket) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("userName=Load&bucket=" + bucket)).build();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService clients = Executors.newFixedThreadPool(count);
            try {
                List<CompletableFuture<long[]>> answers = new ArrayList<>();
                List<String> bodies = Collections.synchronizedList(new ArrayList<>());
                for (int i = 0; i < count; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            long started = System.nanoTime();
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long micros = (System.nanoTime() - started) / 1_000;
                            if (answer.statusCode() == 202) {
                                bodies.add(answer.body().strip());
                            }
                            int retry = answer.headers().firstValue("Retry-After").isPresent() ? 1 : 0;
                            return new long[] {answer.statusCode(), micros, retry};
                        } catch (Exception e) {
                            return new long[] {-1, 0, 0};
                        }
                    }, clients));
                }
                Thread.sleep(500);
                long started = System.nanoTime();
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<Long> micros = new ArrayList<>();
                int retryAfters = 0;
                for (CompletableFuture<long[]> answer : answers) {
                    long[] a = answer.join();
                    statuses.add((int) a[0]);
                    micros.add(a[1]);
                    retryAfters += a[0] == 503 ? (int) a[2] : 0;
                }
                long wall = (System.nanoTime() - started) / 1_000_000;
                micros.sort(null);
                return new Burst(statuses, micros, new HashSet<>(bodies), retryAfters, wall);
            } finally {
                clients.shutdownNow();
            }
        }

        int count(int status) {
            return (int) statuses.stream().filter(s -> s == status).count();
        }

        boolean allRefusalsSayWhenToRetry() {
            return retryAfters == count(503);
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
            return counts;
        }

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p / 100 * micros.size()) - 1;
            return micros.get(Math.max(0, index)) / 1000.0;
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "load (%s): %s in %d ms (%.0f submissions/s);"
                            + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, statusCounts(), wallMillis,
                    statuses.size() * 1000.0 / wallMillis, percentileMillis(50), percentileMillis(99),
                    percentileMillis(100));
        }
    }

    private static Set<String> idsInDatabase(TestDatabase db) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT ServiceID FROM services");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Waits until {@code expected} services are finished, none failed; returns how long it took. */
    private static long awaitAllFinished(TestDatabase db, int expected, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Integer> byStatus = Map.of();
        while (System.nanoTime() < deadline) {
            byStatus = countByStatus(db);
            if (byStatus.getOrDefault("finished", 0) == expected) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            assertEquals(0, byStatus.getOrDefault("failed", 0), byStatus.toString());
            Thread.sleep(500);
        }
        throw new AssertionError("not all finished within " + timeout + ": " + byStatus);
    }

    private static Map<String, Integer> countByStatus(TestDatabase db) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT Status, COUNT(*) FROM services GROUP BY Status");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
