package com.daynight.job;

import com.daynight.classify.DayNightClassifier;
import com.daynight.config.PictureLimits;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ServiceRecord;
import com.daynight.storage.ImageStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * This instance's background work: a few claimer threads take services from the database queue until
 * shutdown, and each runs its service through an {@link ImagePipeline} that overlaps downloads with the
 * WORKERS classifying threads. A heartbeat keeps the claims.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    /** Idle workers look at the queue this often, for services submitted to other instances. */
    private static final long POLL_MILLIS = 1_000;
    /** After a database error, wait before trying again, so an outage is not hammered. */
    private static final long ERROR_BACKOFF_MILLIS = 3_000;
    /** Two services at a time per instance, so one huge bucket does not hold up every other user's. */
    private static final int CLAIMERS = 2;
    /** Downloads wait on the network, not the CPU: more of them than cores keeps the classifiers fed. */
    private static final int DOWNLOAD_THREADS = 8;
    /** The log context key of the service a thread works on: every log line of its work carries it. */
    public static final String SERVICE_ID = "serviceId";

    private final WorkQueue queue;
    private final ImageStore store;
    private final String owner;
    private final Duration lease;
    private final ClassifierPool classifiers;
    private final ExecutorService downloads;
    private final int maxInFlight;
    private final WorkMetrics metrics;
    private final PictureLimits limits;
    private final ByteBudget bytesInFlight;
    private final Thread[] claimers = new Thread[CLAIMERS];
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "heartbeat"));
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private volatile boolean stopping;

    public WorkerPool(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner,
                      int workerCount, Duration lease) {
        this(queue, store, classifier, owner, workerCount, lease, WorkMetrics.NONE,
                PictureLimits.defaults(Runtime.getRuntime().maxMemory()));
    }

    public WorkerPool(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner,
                      int workerCount, Duration lease, WorkMetrics metrics, PictureLimits limits) {
        this.metrics = metrics;
        this.queue = queue;
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.limits = limits;
        this.classifiers = new ClassifierPool(classifier, workerCount, limits.pictureTimeout());
        this.bytesInFlight = new ByteBudget(limits.maxBytesInFlight());
        AtomicInteger counter = new AtomicInteger();
        this.downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS,
                r -> new Thread(r, "download-" + counter.incrementAndGet()));
        // Enough images in flight to keep every classifier busy while others download; few enough that
        // memory stays flat (a 12 MP photo is a few MB); their bytes are bounded too (bytesInFlight).
        this.maxInFlight = Math.max(8, 4 * workerCount);
    }

    public void start() {
        for (int i = 0; i < claimers.length; i++) {
            ImagePipeline pipeline = new ImagePipeline(store, downloads, classifiers, maxInFlight, metrics,
                    limits.maxObjectBytes(), bytesInFlight);
            ServiceRunner runner = new ServiceRunner(queue, store, pipeline, owner);
            claimers[i] = new Thread(() -> workLoop(runner), "worker-" + (i + 1));
            claimers[i].start();
        }
        long beat = Math.max(200, lease.toMillis() / 4);
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        log.info("workers started as {}", owner);
    }

    /** A service was just submitted here: idle workers look at the queue now rather than at their next poll. */
    public void wakeUp() {
        lock.lock();
        try {
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void workLoop(ServiceRunner runner) {
        while (!stopping) {
            try {
                Optional<ServiceRecord> next = queue.claimNext(owner, lease);
                if (next.isPresent()) {
                    runClaimed(runner, next.get());
                } else {
                    idle(POLL_MILLIS + ThreadLocalRandom.current().nextLong(POLL_MILLIS / 4));
                }
            } catch (SQLException | RuntimeException e) {
                // The claim, if any, is kept until its lease runs out; then any instance resumes the service.
                log.warn("worker error, retrying in {} ms: {}", ERROR_BACKOFF_MILLIS, e.toString());
                idle(ERROR_BACKOFF_MILLIS);
            }
        }
    }

    private void runClaimed(ServiceRunner runner, ServiceRecord service) throws SQLException {
        Claim claim = new Claim(service.serviceId());
        claims.put(service.serviceId(), claim);
        if (stopping) {
            claim.requestStop();
        }
        MDC.put(SERVICE_ID, service.serviceId());
        try {
            long started = System.nanoTime();
            ServiceRunner.Outcome outcome = runner.run(service, claim);
            log.info("service {} {} in {} ms", service.serviceId(), outcome.name().toLowerCase(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            claims.remove(service.serviceId());
            MDC.remove(SERVICE_ID);
        }
    }

    private void beat() {
        for (Claim claim : claims.values()) {
            if (claim.isHandingBack()) {
                continue; // the worker is ending the claim; the row may already be finished
            }
            MDC.put(SERVICE_ID, claim.serviceId());
            try {
                // Read the flag again after the update: the worker may have finished the service meanwhile.
                if (!queue.heartbeat(claim.serviceId(), owner) && !claim.isHandingBack()) {
                    log.warn("service {}: claim lost to another instance", claim.serviceId());
                    claim.markLost();
                }
            } catch (SQLException e) {
                log.warn("heartbeat failed: {}", e.toString());
            } finally {
                MDC.remove(SERVICE_ID);
            }
        }
    }

    private void idle(long millis) {
        lock.lock();
        try {
            if (!stopping) {
                workArrived.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops claiming, asks running services to stop at once: images done are saved, decodes in progress are
     * abandoned, and the service is handed back for any instance to resume, and waits for that within {@code grace}.
     */
    public void stop(Duration grace) {
        stopping = true;
        claims.values().forEach(Claim::requestStop);
        // Decodes in progress (up to PICTURE_TIMEOUT_SECONDS each) are abandoned: those pictures are left for
        // the next owner, and the services are handed back within moments.
        classifiers.abandonAll();
        wakeUp();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread worker : claimers) {
            try {
                long left = deadline - System.nanoTime();
                if (worker != null && left > 0) {
                    worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        heartbeat.shutdownNow();
        classifiers.close();
        downloads.shutdownNow();
        log.info("workers stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(8));
    }
}
