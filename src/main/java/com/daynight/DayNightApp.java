package com.daynight;

import com.daynight.auth.AuthFilter;
import com.daynight.auth.BucketAccess;
import com.daynight.auth.BucketRules;
import com.daynight.classify.DayNightClassifier;
import com.daynight.config.AuthSettings;
import com.daynight.config.AppConfig;
import com.daynight.config.ConfigException;
import com.daynight.gallery.Thumbnails;
import com.daynight.job.WorkerPool;
import com.daynight.logging.StartupStages;
import com.daynight.metrics.AppMetrics;
import com.daynight.persistence.Database;
import com.daynight.persistence.DatabaseOpening;
import com.daynight.persistence.QueueAdmission;
import com.daynight.persistence.ResultsTable;
import com.daynight.persistence.ServicesTable;
import com.daynight.persistence.WorkQueue;
import com.daynight.submission.BucketGate;
import com.daynight.submission.ServiceIdGenerator;
import com.daynight.submission.SubmissionService;
import com.daynight.storage.ImageStore;
import com.daynight.storage.ImageStores;
import com.daynight.web.AccessLogFilter;
import com.daynight.web.CrossSiteRequestFilter;
import com.daynight.web.LookupRateLimitFilter;
import com.daynight.web.ManagementPortFilter;
import com.daynight.web.SecurityHeadersFilter;
import com.daynight.web.HealthServlet;
import com.daynight.web.HomeServlet;
import com.daynight.web.MetricsServlet;
import com.daynight.web.ServicesServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root, declared in web.xml: reads the configuration once, builds every part, registers
 * the servlets, and on shutdown stops the workers, then closes the scene network and the database. It owns all long-lived state.
 */
public final class DayNightApp implements ServletContextListener {

    /**
     * Set to "true" by the runnable jar's launcher: a failed start is then reported through the
     * {@link #STARTUP_FAILURE} attribute instead of an exception, so the operator reads one line, not
     * the container's stack traces, and the launcher exits non-zero.
     */
    public static final String REPORT_FAILURE_PARAM = "com.daynight.reportStartupFailure";
    public static final String STARTUP_FAILURE = "com.daynight.startupFailure";

    private static final Logger log = LoggerFactory.getLogger(DayNightApp.class);

    private AppMetrics metrics;
    private Database database;
    private WorkerPool workers;
    private DayNightClassifier classifier;
    private Thumbnails thumbnails;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            start(context, AppConfig.fromEnvironment(System.getenv()));
        } catch (ConfigException e) {
            log.error("DayNight cannot start: {}", e.getMessage());
            failed(context, e);
        } catch (RuntimeException e) {
            log.error("DayNight cannot start: {}", e.toString(), e); // not a setting: a fault, so the trace helps
            failed(context, e);
        }
    }

    private void failed(ServletContext context, RuntimeException e) {
        close();
        if (!Boolean.parseBoolean(context.getInitParameter(REPORT_FAILURE_PARAM))) {
            throw e;
        }
        context.setAttribute(STARTUP_FAILURE, String.valueOf(e.getMessage()));
    }

    private void start(ServletContext context, AppConfig config) {
        AuthSettings auth = config.auth();
        BucketRules bucketRules = BucketRules.parse(auth.bucketRules()); // a malformed rule stops the start here
        AuthFilter authFilter = AuthFilter.forSettings(auth);
        if (config.modelPath() != null && !Files.isReadable(config.modelPath())) {
            loadModel(config); // says why, before a database is started only to be stopped again
        }
        StartupStages.reached(log, "Tomcat has loaded the webapp");
        DatabaseOpening opening = DatabaseOpening.begin(config); // side by side with the model
        try {
            classifier = loadModel(config);
        } catch (RuntimeException e) {
            opening.closeWhenOpened();
            throw e;
        }
        database = opening.await();
        metrics = new AppMetrics();
        DataSource dataSource = metrics.countingErrors(database.dataSource());
        ServicesTable services = new ServicesTable(dataSource);
        WorkQueue queue = new WorkQueue(dataSource);
        metrics.watch(services);
        ImageStore store = ImageStores.create(config);
        ImageStore meteredStore = metrics.countingErrors(store);
        workers = WorkerPool.fromConfig(config, queue, meteredStore, classifier, "", metrics);
        // AUTH=none: one person on their own machine, every bucket; AUTH=google: BUCKET_RULES, then a readable bucket.
        BucketGate bucketGate = auth.mode() == AuthSettings.Mode.GOOGLE
                ? new BucketAccess(bucketRules, meteredStore) : BucketGate.OPEN;
        SubmissionService submissions = new SubmissionService(
                new QueueAdmission(dataSource, config.queueLimit(), userQueueLimit(auth)),
                store::bucketNameProblem, bucketGate, new ServiceIdGenerator(), workers::wakeUp);

        context.addFilter("access-log", new AccessLogFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // After the access log (which then records refusals too), before every servlet.
        registerFilters(context, config, authFilter);
        context.addServlet("home", new HomeServlet()).addMapping("");
        thumbnails = new Thumbnails(meteredStore, config.pictureLimits().maxObjectBytes(),
                config.pictureLimits().pictureTimeout());
        context.addServlet("services", new ServicesServlet(submissions, services, new ResultsTable(dataSource),
                        thumbnails))
                .addMapping("/services", "/services/*");
        context.addServlet("health", new HealthServlet(() -> Map.of("database", database.isReachable(), "model", true)))
                .addMapping("/healthz", "/readyz");
        context.addServlet("metrics", new MetricsServlet(metrics::scrape)).addMapping("/metrics");
        workers.start();
        log.info("DayNight ready: storage {}, database {}, {} workers, auth {}", config.storage().name().toLowerCase(),
                config.dbUrl() == null ? "embedded MariaDB under " + config.dataDir() : "external", config.workers(),
                auth.mode().name().toLowerCase());
    }

    /**
     * Issue 13's filters, in the order they run: security headers on every answer (error pages too), /metrics
     * only on the management port, cross-site POSTs refused, the identity (401 without one), then lookups
     * rate-limited per client, keyed on the identity the filter before found.
     */
    private static void registerFilters(ServletContext context, AppConfig config, AuthFilter authFilter) {
        context.addFilter("security-headers", new SecurityHeadersFilter()).addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, "/*");
        context.addFilter("management-port", new ManagementPortFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        context.addFilter("cross-site-requests", new CrossSiteRequestFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        context.addFilter("auth", authFilter)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        context.addFilter("lookup-rate-limit", new LookupRateLimitFilter(config.lookupRatePerMinute()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/services", "/services/*");
    }

    /** Per principal with AUTH=google; with AUTH=none there is one user, whom QUEUE_LIMIT alone bounds. */
    private static int userQueueLimit(AuthSettings auth) {
        return auth.mode() == AuthSettings.Mode.GOOGLE ? auth.userQueueLimit() : Integer.MAX_VALUE;
    }

    /** The bundled model or MODEL's; also worker mode's (worker/WorkerMode). */
    public static DayNightClassifier loadModel(AppConfig config) {
        long started = System.nanoTime();
        try {
            DayNightClassifier loaded = config.modelPath() == null
                    ? DayNightClassifier.loadBundled()
                    : DayNightClassifier.load(config.modelPath());
            StartupStages.done(log, "model: loaded", started);
            return loaded;
        } catch (IOException | RuntimeException e) {
            String which = config.modelPath() == null ? "the bundled model" : "MODEL " + config.modelPath();
            throw new ConfigException(which + " cannot be read: " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        close();
    }

    private void close() {
        if (thumbnails != null) {
            thumbnails.close();
            thumbnails = null;
        }
        if (workers != null) {
            workers.stop(WorkerPool.SHUTDOWN_GRACE);
            workers = null;
        }
        if (classifier != null) {
            classifier.close(); // after the workers: their copies share its scene network
            classifier = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}
