package com.daynight.worker;

import com.daynight.DayNightApp;
import com.daynight.classify.DayNightClassifier;
import com.daynight.config.AppConfig;
import com.daynight.config.CloudRunTask;
import com.daynight.config.ConfigException;
import com.daynight.job.WorkMetrics;
import com.daynight.job.WorkerPool;
import com.daynight.persistence.Database;
import com.daynight.persistence.WorkQueue;
import com.daynight.storage.ImageStores;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar daynight.jar worker [--wait]}: the server's worker side alone, for bursts (a Cloud Run job of
 * the same image beside the service). It claims and works services from the shared database like a server
 * instance (job/WorkerPool, same leases and fencing), answers only /healthz and /readyz on PORT, and ends once
 * a claim finds nothing claimable and nothing is in flight here (with {@code --wait}: never by itself). SIGTERM
 * stops it as it stops the server: results done are saved and the services are handed back at once.
 */
public final class WorkerMode {

    private static final Logger log = LoggerFactory.getLogger(WorkerMode.class);
    /**
     * Two claimers and the heartbeat each hold at most one connection at a time (the classifying threads never
     * touch the database), so three serve a worker; a hundred workers then hold 300 (docs/deploy-gcp.md).
     */
    private static final int DEFAULT_DB_POOL_SIZE = 3;

    private final AppConfig config;
    private final CloudRunTask task;
    private HealthEndpoint health;
    private volatile DayNightClassifier classifier;
    private volatile Database database;
    private volatile WorkerPool workers;
    private boolean closed;

    private WorkerMode(AppConfig config, CloudRunTask task) {
        this.config = config;
        this.task = task;
    }

    /**
     * Runs worker mode to its end; 0 when no claimable work was left (or after SIGTERM, where the JVM's own
     * status wins), 1 when it could not start. {@code address} and {@code port} are where /healthz listens.
     */
    public static int run(Map<String, String> env, String address, int port, boolean wait)
            throws InterruptedException {
        WorkerMode mode;
        try {
            AppConfig config = AppConfig.fromEnvironment(env);
            if (config.dbUrl() == null) {
                // The embedded database belongs to the one server process that started it under DATA_DIR; a
                // worker is there to help the instances that share an external one.
                throw new ConfigException("worker mode needs DB_URL (with DB_USER and DB_PASSWORD): the database"
                        + " the service's instances share; it does not start the embedded database");
            }
            mode = new WorkerMode(config, CloudRunTask.fromEnvironment(env));
        } catch (ConfigException e) {
            log.error("DayNight worker cannot start: {}", e.getMessage());
            return 1;
        }
        Thread hook = new Thread(mode::close, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (mode.start(address, port, wait)) {
                mode.workers.awaitClaimers();
            }
        } catch (ConfigException | IOException e) {
            log.error("DayNight worker cannot start: {}", e.getMessage());
            mode.close();
            return 1;
        } catch (RuntimeException e) {
            log.error("DayNight worker cannot start: {}", e.toString(), e);
            mode.close();
            return 1;
        }
        mode.close();
        return 0;
    }

    /** False when SIGTERM came first. */
    private boolean start(String address, int port, boolean wait) throws IOException, InterruptedException {
        // First, so that /healthz answers while the model loads and the database opens; /readyz waits for both.
        health = HealthEndpoint.start(address, port, this::readiness);
        if (task.isSet()) {
            log.info("worker mode: Cloud Run task {} of {} (attempt {}), starting in {} ms", task.index(),
                    task.count(), task.attempt(), task.startDelay().toMillis());
        }
        Thread.sleep(task.startDelay().toMillis());
        synchronized (this) {
            if (closed) {
                return false;
            }
            classifier = DayNightApp.loadModel(config);
            database = Database.open(config, DEFAULT_DB_POOL_SIZE);
            workers = WorkerPool.fromConfig(config, new WorkQueue(database.dataSource()), ImageStores.create(config),
                    classifier, task.label(), WorkMetrics.NONE);
            if (wait) {
                workers.start();
            } else {
                workers.startUntilNoWorkLeft();
            }
        }
        log.info("DayNight worker ready: storage {}, database external ({} connections at most), {} workers,"
                + " health on port {}; {}", config.storage().name().toLowerCase(),
                database.maxConnections(), config.workers(), health.port(),
                wait ? "keeps polling (--wait)" : "exits when no claimable work is left");
        return true;
    }

    private Map<String, Boolean> readiness() {
        Database db = database;
        return Map.of("database", db != null && db.isReachable(), "model", classifier != null);
    }

    /** Once, from the main thread at the end or from the shutdown hook (SIGTERM), whichever comes first. */
    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (workers != null) {
            workers.stop(WorkerPool.SHUTDOWN_GRACE); // running services save their results and are handed back
        }
        if (classifier != null) {
            classifier.close();
        }
        if (database != null) {
            database.close();
        }
        if (health != null) {
            health.close();
        }
        if (workers != null) { // a start that failed says so in its one line, and nothing more
            log.info("DayNight worker stopped");
        }
    }
}
