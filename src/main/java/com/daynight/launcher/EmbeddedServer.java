package com.daynight.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanFilter;

/** Embedded Tomcat serving one webapp (a WAR's folder) at the root, on one port. */
public final class EmbeddedServer {

    private final Tomcat tomcat;
    private final Path baseDir;

    private EmbeddedServer(Tomcat tomcat, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    /** Names shared with the webapp's DayNightApp (not on this class path): how it reports a failed start. */
    static final String REPORT_FAILURE_PARAM = "com.daynight.reportStartupFailure";
    static final String STARTUP_FAILURE = "com.daynight.startupFailure";
    /** Shared with the webapp's ManagementPortFilter: the management connector's port, once it listens. */
    static final String MANAGEMENT_PORT_ATTRIBUTE = "com.daynight.managementPort";

    /**
     * Starts the webapp; port 0 picks a free port (see {@link #port()}).
     *
     * @throws NotStartedException when the webapp or the connector did not start
     */
    public static EmbeddedServer start(int port, Path webapp) throws IOException, NotStartedException {
        return start("0.0.0.0", port, ManagementPort.NONE, webapp);
    }

    /**
     * As {@link #start(int, Path)}, listening on one address only ("127.0.0.1": this machine alone), with /metrics
     * on a second connector when {@code management} names one.
     */
    static EmbeddedServer start(String address, int port, ManagementPort management, Path webapp)
            throws IOException, NotStartedException {
        checkPortFree(new InetSocketAddress(address, port));
        if (management.enabled()) {
            checkPortFree(management.address());
        }
        // Tomcat's work folder goes to a temp folder: the jar's folder may be read-only (a container image).
        Path baseDir = Files.createTempDirectory("daynight-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", address);
        HttpLimits.apply(tomcat.getConnector());
        HttpLimits.hideServerDetails(tomcat.getHost());
        Connector managementConnector = management.enabled() ? management.connector() : null;
        if (managementConnector != null) {
            tomcat.getService().addConnector(managementConnector);
        }
        Files.createDirectories(baseDir.resolve("webapps"));
        Context context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        context.getJarScanner().setJarScanFilter(jstlOnly());
        context.addParameter(REPORT_FAILURE_PARAM, "true");
        quietLeakChecks((StandardContext) context);
        EmbeddedServer server = new EmbeddedServer(tomcat, baseDir);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            server.abandon();
            throw new NotStartedException("Tomcat did not start on port " + port + ": " + rootMessage(e), false);
        }
        if (context.getServletContext().getAttribute(STARTUP_FAILURE) != null) {
            server.abandon();
            throw new NotStartedException("the webapp reported why it did not start", true);
        }
        if (context.getState() != LifecycleState.STARTED || tomcat.getConnector().getState() != LifecycleState.STARTED) {
            server.abandon();
            throw new NotStartedException("the webapp or its connector on port " + port + " did not start", false);
        }
        if (managementConnector != null) {
            if (managementConnector.getState() != LifecycleState.STARTED) {
                server.abandon();
                throw new NotStartedException("the management connector on " + management + " did not start", false);
            }
            // Only now is the port known (0 picks one); until then the webapp serves /metrics nowhere.
            context.getServletContext().setAttribute(MANAGEMENT_PORT_ATTRIBUTE, managementConnector.getLocalPort());
        }
        return server;
    }

    /**
     * Tomcat reports a port in use with a stack trace and then starts the webapp anyway; asking first gives
     * the operator one line, before the database is touched.
     */
    private static void checkPortFree(InetSocketAddress address) throws NotStartedException {
        int port = address.getPort();
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            throw new NotStartedException("port " + port + " cannot be used: " + e.getMessage(), false);
        }
    }

    /** The service did not start; {@link #alreadyReported()} when the webapp has logged the reason itself. */
    public static final class NotStartedException extends Exception {
        private final boolean alreadyReported;

        NotStartedException(String message, boolean alreadyReported) {
            super(message, null, false, false);
            this.alreadyReported = alreadyReported;
        }

        public boolean alreadyReported() {
            return alreadyReported;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * The webapp is stopped only when the JVM ends, where Tomcat's leak hunt (meant for redeploying into a
     * long-lived server) finds nothing that matters and would only log warnings into the operator's log.
     */
    private static void quietLeakChecks(StandardContext context) {
        context.setSkipMemoryLeakChecksOnJvmShutdown(true);
        context.setClearReferencesObjectStreamClassCaches(false);
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
    }

    /**
     * Only JSTL carries tag libraries; skipping the other hundred jars for TLDs and pluggability
     * (the webapp registers its servlets itself) saves seconds at every start.
     */
    private static StandardJarScanFilter jstlOnly() {
        StandardJarScanFilter filter = new StandardJarScanFilter();
        filter.setTldSkip("*");
        filter.setTldScan("jakarta.servlet.jsp.jstl-*.jar");
        filter.setPluggabilitySkip("*");
        return filter;
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    public void await() {
        tomcat.getServer().await();
    }

    /**
     * After a failed start, when the process is about to exit: the webapp has already closed what it had
     * opened, and stopping Tomcat would only add its own warnings to the one line that says why.
     */
    private void abandon() {
        deleteQuietly(baseDir);
    }

    /** Stops the webapp (its listener stops the workers and closes the database) and removes the temp folder. */
    public void stop() {
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("Tomcat did not stop cleanly: " + e.getMessage());
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
