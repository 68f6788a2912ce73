package com.daynight.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
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

    /**
     * Starts the webapp; port 0 picks a free port (see {@link #port()}).
     *
     * @throws IllegalStateException when the webapp did not start (its own log says why)
     */
    public static EmbeddedServer start(int port, Path webapp) throws IOException, LifecycleException {
        // Tomcat's work folder goes to a temp folder: the jar's folder may be read-only (a container image).
        Path baseDir = Files.createTempDirectory("daynight-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        HttpLimits.apply(tomcat.getConnector());
        HttpLimits.hideServerDetails(tomcat.getHost());
        Files.createDirectories(baseDir.resolve("webapps"));
        Context context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        context.getJarScanner().setJarScanFilter(jstlOnly());
        tomcat.start();
        EmbeddedServer server = new EmbeddedServer(tomcat, baseDir);
        if (context.getState() != LifecycleState.STARTED) {
            server.stop();
            throw new IllegalStateException("the webapp did not start; see the log above");
        }
        return server;
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
