package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a user starts it (embedded database, no settings but MANAGEMENT_PORT and a low lookup rate) has
 * the safe defaults of issue 13: /metrics only on the management port, security headers, cross-site posts
 * refused, a stalled body dropped, lookups limited, and the embedded database's password file private.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeDefaultsIT {

    private static final int LOOKUP_RATE = 4;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private int managementPort;
    private RunningJar service;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path holiday = Files.createDirectories(work.resolve("buckets").resolve("holiday"));
        Files.copy(AmosBucket.pictures("day").get(0), holiday.resolve("one.jpg"));
        dataDir = work.resolve("data");
        managementPort = RunningJar.freePort();
        service = RunningJar.start("safe-defaults", Map.of("BUCKETS_DIR", work.resolve("buckets").toString(),
                "DATA_DIR", dataDir.toString(), "WORKERS", "1", "MANAGEMENT_PORT", Integer.toString(managementPort),
                "LOOKUP_RATE_PER_MINUTE", Integer.toString(LOOKUP_RATE)));
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly() throws Exception {
        assertEquals(404, get(service.baseUrl() + "/metrics", null).statusCode());
        HttpResponse<String> metrics = get("http://127.0.0.1:" + managementPort + "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("daynight_queue_depth"), metrics.body());
        assertEquals(404, get("http://127.0.0.1:" + managementPort + "/", null).statusCode(),
                "the management port serves nothing else");
        assertEquals(200, get(service.baseUrl() + "/readyz", null).statusCode());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get(service.baseUrl() + "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
    }

    @Test
    void aCrossSitePostIsRefusedAndSameSiteOrCurlPostsAreTaken() throws Exception {
        assertEquals(403, post("http://evil.example").statusCode());
        assertEquals(202, post(null).statusCode());
        assertEquals(202, post("http://127.0.0.1:" + service.port()).statusCode());
    }

    @Test
    void lookupsOverTheRateGet429WithRetryAfter() throws Exception {
        for (int i = 0; i < LOOKUP_RATE; i++) {
            assertEquals(404, get(service.baseUrl() + "/services/ZZZZZZZZ?format=json", null).statusCode());
        }
        HttpResponse<String> limited = get(service.baseUrl() + "/services/ZZZZZZZZ?format=json", null);
        assertEquals(429, limited.statusCode(), limited.body());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void aBodyThatStopsComingIsDroppedWithinTheUploadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /services HTTP/1.1\r\nHost: 127.0.0.1:" + service.port() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nuserName=An")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long started = System.nanoTime();
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[200];
            int read;
            try {
                read = in.read(answer); // the first bytes of an answer, or the end of the connection
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a stalled body held its request for 60 s");
            } catch (IOException reset) {
                read = -1;
            }
            String head = read > 0 ? new String(answer, 0, read, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("")
                    : "closed";
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            System.out.println("a stalled body was dropped after " + seconds + " s: " + head);
            assertTrue(seconds >= 15 && seconds <= 26, "dropped after " + seconds + " s");
        }
    }

    @Test
    void theEmbeddedDatabasePasswordsAreReadableByTheOwnerOnly() throws Exception {
        Path credentials = dataDir.resolve("mariadb-credentials.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("mariadb-run"))));
    }

    private HttpResponse<String> get(String url, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("userName=Ann&bucket=holiday"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
