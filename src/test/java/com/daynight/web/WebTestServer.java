package com.daynight.web;

import static org.mockito.Mockito.mock;

import com.daynight.auth.AuthFilter;
import com.daynight.config.AuthSettings;
import com.daynight.gallery.Thumbnails;
import com.daynight.persistence.ResultsTable;
import com.daynight.storage.ImageStore;
import java.time.Duration;
import com.daynight.persistence.ServicesTable;
import com.daynight.submission.SubmissionService;
import jakarta.servlet.DispatcherType;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * The real webapp (webapp/ with its web.xml, JSPs and JSTL) in an embedded Tomcat on a free port, with the
 * servlets and filters wired as the composition root wires them but around Mockito mocks of the service layer.
 */
final class WebTestServer implements AutoCloseable {

    /** web.xml names the application's composition root; these tests wire the servlets themselves instead. */
    private static final String COMPOSITION_ROOT = "com.daynight.DayNightApp";

    final SubmissionService submissions = mock(SubmissionService.class);
    final ServicesTable services = mock(ServicesTable.class);
    final ResultsTable results = mock(ResultsTable.class);
    /** The buckets the gallery's thumbnails are read from. */
    final ImageStore store = mock(ImageStore.class);
    private final Thumbnails thumbnails = new Thumbnails(store, 64L << 20, Duration.ofSeconds(10));
    final AtomicReference<Map<String, Boolean>> readiness = new AtomicReference<>(Map.of("database", true));

    private final Path baseDir;
    private final Tomcat tomcat = new Tomcat();

    private WebTestServer() throws IOException {
        baseDir = Files.createTempDirectory("daynight-web-test");
    }

    static WebTestServer start() throws IOException, LifecycleException {
        return start(1_000_000);
    }

    /** With the composition root's filters too; lookups limited to this many a minute per client. */
    static WebTestServer start(int lookupRatePerMinute) throws IOException, LifecycleException {
        WebTestServer server = new WebTestServer();
        server.startTomcat(lookupRatePerMinute);
        return server;
    }

    private void startTomcat(int lookupRatePerMinute) throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setURIEncoding("UTF-8");
        Context context = tomcat.addWebapp("", new File("webapp").getAbsolutePath());
        // Runs after ContextConfig has read web.xml (it was added first), before listeners are started.
        context.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                context.removeApplicationListener(COMPOSITION_ROOT);
            }
        });
        context.addServletContainerInitializer((classes, ctx) -> {
            // In DayNightApp's order; AUTH=none, as the jar runs by default: every request is "local", who sees all.
            ctx.addFilter("security-headers", new SecurityHeadersFilter()).addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, "/*");
            ctx.addFilter("management-port", new ManagementPortFilter())
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            ctx.addFilter("cross-site-requests", new CrossSiteRequestFilter())
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            ctx.addFilter("auth", new AuthFilter(AuthSettings.Mode.NONE, null, java.util.Set.of()))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            ctx.addFilter("lookup-rate-limit", new LookupRateLimitFilter(lookupRatePerMinute))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/services", "/services/*");
            ctx.addServlet("home", new HomeServlet()).addMapping("");
            ctx.addServlet("services", new ServicesServlet(submissions, services, results, thumbnails))
                    .addMapping("/services", "/services/*");
            ctx.addServlet("health", new HealthServlet(readiness::get)).addMapping("/healthz", "/readyz");
        }, null);
        tomcat.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws LifecycleException, IOException {
        try {
            thumbnails.close();
            tomcat.stop();
            tomcat.destroy();
        } finally {
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
