package com.daynight;

import com.daynight.classify.DayNightClassifier;
import com.daynight.config.AppConfig;
import com.daynight.job.WorkerPool;
import com.daynight.persistence.Database;
import com.daynight.persistence.ServiceRepository;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ServiceIdGenerator;
import com.daynight.service.SubmissionService;
import com.daynight.storage.ImageStores;
import com.daynight.web.HealthServlet;
import com.daynight.web.HomeServlet;
import com.daynight.web.ServicesServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root, declared in web.xml: reads the configuration once, builds every part, registers
 * the servlets, and on shutdown stops the workers and closes the database. It owns all long-lived state.
 */
public final class DayNightApp implements ServletContextListener {

    private static final Logger log = LoggerFactory.getLogger(DayNightApp.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(8);

    private Database database;
    private WorkerPool workers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            start(event.getServletContext(), AppConfig.fromEnvironment(System.getenv()));
        } catch (RuntimeException e) {
            log.error("DayNight cannot start: {}", e.getMessage());
            close();
            throw e;
        }
    }

    private void start(ServletContext context, AppConfig config) {
        DayNightClassifier classifier = loadModel(config);
        database = Database.open(config);
        ServiceRepository repository = new ServiceRepository(database.dataSource());
        WorkQueue queue = new WorkQueue(database.dataSource(), repository);
        workers = new WorkerPool(queue, ImageStores.create(config), classifier, instanceName(),
                config.workers(), config.lease());
        SubmissionService submissions = new SubmissionService(repository, new ServiceIdGenerator(),
                config.queueLimit(), workers::wakeUp);

        context.addServlet("home", new HomeServlet()).addMapping("");
        context.addServlet("services", new ServicesServlet(submissions, repository))
                .addMapping("/services", "/services/*");
        context.addServlet("health", new HealthServlet(() -> Map.of("database", database.isReachable(), "model", true)))
                .addMapping("/healthz", "/readyz");
        workers.start();
        log.info("DayNight ready: storage {}, database {}, {} workers", config.storage().name().toLowerCase(),
                config.dbUrl() == null ? "embedded MariaDB under " + config.dataDir() : "external", config.workers());
    }

    private static DayNightClassifier loadModel(AppConfig config) {
        try {
            return config.modelPath() == null
                    ? DayNightClassifier.loadBundled()
                    : DayNightClassifier.load(config.modelPath());
        } catch (IOException e) {
            String which = config.modelPath() == null ? "the bundled model" : "MODEL " + config.modelPath();
            throw new UncheckedIOException(which + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Names this instance's claims in the database: host, process and a random part for restarts. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        return host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        close();
    }

    private void close() {
        if (workers != null) {
            workers.stop(SHUTDOWN_GRACE);
            workers = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
