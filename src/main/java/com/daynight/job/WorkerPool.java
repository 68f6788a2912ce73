package com.daynight.job;

import com.daynight.classify.DayNightClassifier;
import com.daynight.config.PictureLimits;
import com.daynight.config.AppConfig;
import com.daynight.persistence.ChunkQueue;
import com.daynight.persistence.ChunkQueue.ChunkClaim;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * This instance's background work: a few claimer threads take work from the database queue until shutdown:
 * a service's bucket to list into chunks (one claimer of the instance at a time), or else a chunk of any
 * service, which runs through an {@link ImagePipeline} that overlaps downloads with the WORKERS classifying
 * threads. Every instance on the database works on a big service's chunks together. A heartbeat keeps the
 * claims.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    /** Idle workers look at the queue this often, for services submitted to other instances. */
    private static final long POLL_MILLIS = 1_000;
    /** After a database error, wait before trying again, so an outage is not hammered. */
    private static final long ERROR_BACKOFF_MILLIS = 3_000;
    /** Two chunks at a time per instance (chunk 0 of every service comes first, see ChunkQueue). */
    private static final int CLAIMERS = 2;
    /** How long shutdown waits for running work to be saved and handed back (SIGTERM gives 10 s). */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(8);
    /** The log context key of the service a thread works on: every log line of its work carries it. */
    public static final String SERVICE_ID = "serviceId";

    private final WorkQueue queue;
    private final ChunkQueue chunks;
    private final int chunkSize;
    private final AtomicBoolean listingHere = new AtomicBoolean();
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
    /** Claimers claiming or working right now; with untilNoWorkLeft, none busy and nothing found ends them. */
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean untilNoWorkLeft;
    private volatile boolean noWorkLeft;

    /** The pool the configuration asks for, its claims named after this instance and {@code label}. */
    public static WorkerPool fromConfig(AppConfig config, WorkQueue queue, ImageStore store,
                                        DayNightClassifier classifier, String label, WorkMetrics metrics) {
        return new WorkerPool(queue, store, classifier, InstanceName.of(label), config.workers(), config.lease(),
                metrics, config.pictureLimits(), config.chunkSize());
    }

    public WorkerPool(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner,
                      int workerCount, Duration lease) {
        this(queue, store, classifier, owner, workerCount, lease, AppConfig.DEFAULT_CHUNK_SIZE);
    }

    public WorkerPool(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner,
                      int workerCount, Duration lease, int chunkSize) {
        this(queue, store, classifier, owner, workerCount, lease, WorkMetrics.NONE,
                PictureLimits.defaults(Runtime.getRuntime().maxMemory()), chunkSize);
    }

    public WorkerPool(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner,
                      int workerCount, Duration lease, WorkMetrics metrics, PictureLimits limits, int chunkSize) {
        this.metrics = metrics;
        this.queue = queue;
        this.chunks = queue.chunks();
        this.chunkSize = chunkSize;
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.limits = limits;
        this.classifiers = new ClassifierPool(classifier, workerCount, limits.pictureTimeout());
        this.bytesInFlight = new ByteBudget(limits.maxBytesInFlight());
        // As many download threads as the pipelines' windows ask for: more when the store is slow.
        this.downloads = DownloadThreads.pool();
        // At least this many images in flight, enough to keep every classifier busy over a local store; each
        // pipeline holds more while the store's latency asks for it; their bytes are bounded (bytesInFlight).
        this.maxInFlight = Math.max(8, 4 * workerCount);
    }

    public void start() {
        for (int i = 0; i < claimers.length; i++) {
            ImagePipeline pipeline = new ImagePipeline(store, downloads, classifiers, maxInFlight, metrics,
                    limits.maxObjectBytes(), bytesInFlight);
            ChunkRunner runner = new ChunkRunner(chunks, store, pipeline);
            BucketLister lister = new BucketLister(queue, store, owner, chunkSize, this::wakeUp);
            claimers[i] = new Thread(() -> workLoop(lister, runner), "worker-" + (i + 1));
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

    /**
     * Worker mode ({@code java -jar daynight.jar worker}): as {@link #start()}, but the claimers end once a claim
     * finds nothing while none of them is claiming or working; {@link #awaitClaimers()} returns then. A claimer
     * that finds nothing while another still works keeps polling, so work submitted meanwhile is taken too.
     */
    public void startUntilNoWorkLeft() {
        untilNoWorkLeft = true;
        start();
    }

    /** Waits for the claimers to end: after {@link #startUntilNoWorkLeft()} when nothing is left, else at stop. */
    public void awaitClaimers() throws InterruptedException {
        for (Thread claimer : claimers) {
            if (claimer != null) {
                claimer.join();
            }
        }
    }

    private void workLoop(BucketLister lister, ChunkRunner runner) {
        while (!stopping && !noWorkLeft) {
            busy.incrementAndGet();
            boolean foundNothing = false;
            try {
                if (listNext(lister)) {
                    busy.decrementAndGet();
                    continue;
                }
                Optional<ChunkClaim> next = chunks.claimNext(owner, lease);
                foundNothing = next.isEmpty();
                if (next.isPresent()) {
                    runChunk(runner, next.get());
                }
            } catch (SQLException | RuntimeException e) {
                // The claim, if any, is kept until its lease runs out; then any instance resumes the service.
                log.warn("worker error, retrying in {} ms: {}", ERROR_BACKOFF_MILLIS, e.toString());
                busy.decrementAndGet();
                idle(ERROR_BACKOFF_MILLIS);
                continue;
            }
            if (busy.decrementAndGet() == 0 && foundNothing && untilNoWorkLeft) {
                noWorkLeft = true;
                log.info("no claimable work left");
                wakeUp();
            } else if (foundNothing) {
                idle(POLL_MILLIS + ThreadLocalRandom.current().nextLong(POLL_MILLIS / 4));
            }
        }
    }

    /**
     * Lists a service's bucket into chunks if one waits and no other claimer of this instance is listing (a
     * listing is light work: the others keep classifying); true when it did.
     */
    private boolean listNext(BucketLister lister) throws SQLException {
        if (!listingHere.compareAndSet(false, true)) {
            return false;
        }
        try {
            Optional<ServiceRecord> next = queue.claimNext(owner, lease);
            if (next.isEmpty()) {
                return false;
            }
            String id = next.get().serviceId();
            Claim claim = new Claim(id, id, () -> queue.heartbeat(id, owner));
            BucketLister.Outcome outcome = run(claim, () -> lister.run(next.get(), claim));
            if (outcome == BucketLister.Outcome.LISTED) {
                wakeUp();
            }
            return true;
        } finally {
            listingHere.set(false);
        }
    }

    private void runChunk(ChunkRunner runner, ChunkClaim chunk) throws SQLException {
        Claim claim = new Claim(chunk.key(), chunk.serviceId(), () -> chunks.heartbeat(chunk));
        run(claim, () -> runner.run(chunk, claim));
    }

    private interface Work<T extends Enum<T> & Claim.Outcome> {
        T run() throws SQLException;
    }

    private <T extends Enum<T> & Claim.Outcome> T run(Claim claim, Work<T> work) throws SQLException {
        claims.put(claim.key(), claim);
        if (stopping) {
            claim.requestStop();
        }
        MDC.put(SERVICE_ID, claim.serviceId());
        try {
            long started = System.nanoTime();
            T outcome = work.run();
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("{} {} in {} ms", claim.key(), outcome.name().toLowerCase(), millis);
            if (outcome.finishedTheService()) {
                // once per service, by whichever instance finished it (the last chunk's time)
                log.info("service {} finished in {} ms", claim.serviceId(), millis);
            }
            return outcome;
        } finally {
            claims.remove(claim.key());
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
                // Read the flag again after the update: the worker may have ended the claim meanwhile.
                if (!claim.renew() && !claim.isHandingBack()) {
                    log.warn("{}: claim lost to another instance", claim.key());
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
            if (!stopping && !noWorkLeft) {
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
        stop(SHUTDOWN_GRACE);
    }
}
