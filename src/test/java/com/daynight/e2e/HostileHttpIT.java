package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no honest client sends, against the jar as deployed: each gets a clear 4xx (501/505 where HTTP
 * itself asks for them) with no stack trace and no server name or version, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHttpIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private TestDatabase db;
    private RunningJar service;
    private ServiceClient client;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path holiday = Files.createDirectories(work.resolve("buckets").resolve("holiday"));
        Files.copy(AmosBucket.pictures("day").get(0), holiday.resolve("one.jpg"));
        db = TestDatabase.create();
        service = RunningJar.start("hostile-http", RunningJar.envWithDatabase(db,
                "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1"));
        client = new ServiceClient(service);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @AfterEach
    void stillServing() throws Exception {
        assertTrue(service.isAlive());
        HttpResponse<String> submitted = client.post("application/x-www-form-urlencoded", "*/*",
                "userName=Ann&bucket=holiday");
        assertEquals(202, submitted.statusCode(), submitted.body());
    }

    // --- bodies

    static Stream<Arguments> hugeBodies() {
        return Stream.of(
                Arguments.of("form, Content-Length", "application/x-www-form-urlencoded", false),
                Arguments.of("form, chunked", "application/x-www-form-urlencoded", true),
                Arguments.of("JSON, Content-Length", "application/json", false),
                Arguments.of("JSON, chunked", "application/json", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeBodies")
    void aFiftyMegabyteBodyIsRefusedWithoutBeingRead(String what, String contentType, boolean chunked)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /services HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + FIFTY_MB + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> sendBody(out, chunked, sent));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            long millis = (System.nanoTime() - started) / 1_000_000;
            sender.get(30, TimeUnit.SECONDS);
            System.out.printf("50 MB body (%s): %d after %d ms; the server took %.1f MB before closing%n",
                    what, answer.status(), millis, sent.get() / 1048576.0);
            assertEquals(413, answer.status(), answer.all());
            assertClean(answer);
            assertTrue(sent.get() < FIFTY_MB / 2, "the connection was closed long before 50 MB: " + sent.get());
        }
    }

    /** Writes 50 MB of form-like bytes until done or until the server closes the connection. */
    private static void sendBody(OutputStream out, boolean chunked, AtomicLong sent) {
        byte[] block = "a".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
        try {
            while (sent.get() < FIFTY_MB) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent.addAndGet(block.length);
            }
        } catch (IOException closedByServer) {
            // expected: the server stops reading and closes
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("cut-off JSON", "application/json", "{\"userName\": ", 400, "not valid JSON"),
                Arguments.of("JSON array", "application/json", "[1, 2]", 400, "must be a JSON object"),
                Arguments.of("JSON string", "application/json", "\"Ann\"", 400, "must be a JSON object"),
                Arguments.of("empty JSON body", "application/json", "", 400, "must be a JSON object"),
                Arguments.of("number for a name", "application/json", "{\"userName\": 5, \"bucket\": \"holiday\"}",
                        400, "userName must be a JSON string"),
                Arguments.of("object for a name", "application/json",
                        "{\"userName\": {\"$ne\": null}, \"bucket\": \"holiday\"}", 400, "must be a JSON string"),
                Arguments.of("50,000 nested arrays", "application/json", "[".repeat(50_000), 400, "not valid JSON"),
                Arguments.of("a 20,000-digit number", "application/json",
                        "{\"userName\": " + "9".repeat(20_000) + "}", 400, "not valid JSON"),
                Arguments.of("broken %-escape", "application/x-www-form-urlencoded", "userName=%ZZ&bucket=holiday",
                        400, "the form body cannot be read"),
                Arguments.of("5,000 form fields", "application/x-www-form-urlencoded", "a=1&".repeat(5_000),
                        400, "the form body cannot be read"),
                Arguments.of("an unknown charset", "application/x-www-form-urlencoded; charset=x-nonsense",
                        "userName=Ann&bucket=holiday", 415, "charset"),
                Arguments.of("plain text", "text/plain", "userName=Ann&bucket=holiday", 415, "must be"),
                Arguments.of("XML", "application/xml", "<userName>Ann</userName>", 415, "must be"),
                Arguments.of("multipart", "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\nAnn\r\n--x--\r\n", 415,
                        "must be"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsAClearClientError(String what, String contentType, String body, int status, String reason)
            throws Exception {
        HttpResponse<String> answer = client.post(contentType, "*/*", body);
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(reason), answer.body());
        assertClean(answer.statusCode(), answer.body());
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupported() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(service.port(), RawHttp.request("POST", "/services",
                "Content-Length: 27").replace("\r\n\r\n", "\r\n\r\nuserName=Ann&bucket=holiday"));
        assertEquals(415, answer.status(), answer.all());
        assertClean(answer);
    }

    // --- routes, methods, paths

    static Stream<Arguments> badTargets() {
        return Stream.of(
                Arguments.of("GET", "/no/such/page", 404),
                Arguments.of("GET", "/services/ABCDEFGH/more", 404),
                Arguments.of("GET", "/services/" + "A".repeat(200), 404),
                Arguments.of("GET", "/WEB-INF/web.xml", 404),
                Arguments.of("GET", "/META-INF/MANIFEST.MF", 404),
                Arguments.of("GET", "/static/../WEB-INF/web.xml", 404),
                Arguments.of("GET", "/services/../../etc/passwd", 400),
                Arguments.of("GET", "/%2e%2e/%2e%2e/etc/passwd", 400),
                Arguments.of("GET", "/services/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400),
                Arguments.of("GET", "/static/..%2f..%2fWEB-INF/web.xml", 400),
                Arguments.of("GET", "/static/..%5c..%5cWEB-INF%5cweb.xml", 400),
                Arguments.of("GET", "/services/..;/..;/WEB-INF/web.xml", 400),
                Arguments.of("GET", "/static/%c0%ae%c0%ae/WEB-INF/web.xml", 400),
                Arguments.of("GET", "/services/%00", 400),
                Arguments.of("PUT", "/services", 405),
                Arguments.of("DELETE", "/services", 405),
                Arguments.of("PATCH", "/services", 501), // the servlet API knows no PATCH: HTTP asks 501
                Arguments.of("POST", "/services/ABCDEFGH", 405),
                Arguments.of("POST", "/healthz", 405),
                Arguments.of("TRACE", "/", 405),
                Arguments.of("FOO", "/services", 501));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badTargets")
    void anUnknownRouteMethodOrPathIsAClearClientError(String method, String target, int status) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(service.port(),
                RawHttp.request(method, target, "Accept: text/html", "Content-Length: 0"));
        assertEquals(status, answer.status(), answer.all());
        assertClean(answer);
        assertFalse(answer.body().contains("root:") || answer.body().contains("<web-app")
                || answer.body().contains("Manifest-Version"), "nothing outside the webapp leaks: " + answer.body());
    }

    // --- request lines and headers

    static Stream<Arguments> absurdRequests() {
        return Stream.of(
                Arguments.of("a 10,000-character path", RawHttp.request("GET", "/services/" + "A".repeat(10_000)), 400),
                Arguments.of("a 100,000-character query", RawHttp.request("GET", "/?q=" + "x".repeat(100_000)), 400),
                Arguments.of("a 100 KB header", RawHttp.request("GET", "/", "X-Big: " + "b".repeat(100_000)), 400),
                Arguments.of("2,000 headers", RawHttp.request("GET", "/", manyHeaders(2_000)), 400),
                Arguments.of("a space in a header name", RawHttp.request("GET", "/", "X Bad: 1"), 400),
                Arguments.of("a control character in a header", RawHttp.request("GET", "/", "X-Bad: a\u0001b"), 400),
                Arguments.of("a non-number length",
                        RawHttp.request("POST", "/services", "Content-Length: abc"), 400),
                Arguments.of("two lengths",
                        RawHttp.request("POST", "/services", "Content-Length: 1", "Content-Length: 2"), 400),
                Arguments.of("a negative length", RawHttp.request("POST", "/services", "Content-Length: -5"), 400),
                Arguments.of("no Host header", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                Arguments.of("binary garbage", "\u0000\u0001\u0002\u00ff\u00fe garbage\r\n\r\n", 400),
                Arguments.of("a lower-case method and an absolute URI to elsewhere",
                        RawHttp.request("get", "http://evil.example/"), 400),
                Arguments.of("HTTP/9.9", "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 505),
                Arguments.of("an unknown transfer coding",
                        RawHttp.request("POST", "/services", "Transfer-Encoding: gzip"), 501));
    }

    private static String[] manyHeaders(int count) {
        String[] headers = new String[count];
        for (int i = 0; i < count; i++) {
            headers[i] = "X-H" + i + ": " + i;
        }
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdRequests")
    void anAbsurdRequestLineOrHeaderIsAClearClientError(String what, String request, int status) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(service.port(), request);
        assertEquals(status, answer.status(), what + ":\n" + answer.all());
        assertClean(answer);
    }

    @Test
    void aLongButLegalAcceptHeaderIsStillAnswered() throws Exception {
        String accept = String.join(",", Collections.nCopies(300, "text/x-nothing;q=0.1")) + ",*/*";
        HttpResponse<String> answer = client.post("application/x-www-form-urlencoded", accept,
                "userName=Ann&bucket=holiday");
        assertEquals(202, answer.statusCode(), answer.body());
    }

    // --- slow clients

    /**
     * Slow clients: 210 connections (more than Tomcat's 200 request threads) each sending a header byte per
     * second, and one that connects and says nothing. Requests from others are answered quickly all the
     * while, because a connection waiting for bytes holds no thread; the silent one is dropped after the
     * connection timeout (20 s).
     */
    @Test
    void slowClientsHoldNoThreadAndASilentOneIsDropped() throws Exception {
        List<Socket> trickles = new ArrayList<>();
        try (Socket silent = new Socket("127.0.0.1", service.port())) {
            for (int i = 0; i < 210; i++) {
                Socket trickle = new Socket("127.0.0.1", service.port());
                trickle.getOutputStream().write("POST /services HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                        .getBytes(StandardCharsets.ISO_8859_1));
                trickles.add(trickle);
            }
            CompletableFuture<Long> silentDropped = CompletableFuture.supplyAsync(() -> secondsUntilClosed(silent));
            long worstMillis = 0;
            for (int second = 0; second < 26; second++) {
                for (Socket trickle : trickles) {
                    writeQuietly(trickle, 'x');
                }
                long started = System.nanoTime();
                HttpResponse<String> ready = client.get("/readyz", "*/*");
                worstMillis = Math.max(worstMillis, (System.nanoTime() - started) / 1_000_000);
                assertEquals(200, ready.statusCode());
                Thread.sleep(1_000);
            }
            long silentSeconds = silentDropped.get(10, TimeUnit.SECONDS);
            long stillOpen = trickles.stream().filter(HostileHttpIT::stillOpen).count();
            System.out.printf("slow clients: 210 trickling 1 byte/s, other requests answered in at most %d ms;"
                    + " a silent connection dropped after %d s; %d trickling connections still open after 26 s%n",
                    worstMillis, silentSeconds, stillOpen);
            assertTrue(worstMillis < 2_000, "others are served while slow clients trickle: " + worstMillis + " ms");
            assertTrue(silentSeconds >= 18 && silentSeconds <= 24, "dropped after " + silentSeconds + " s");
        } finally {
            for (Socket trickle : trickles) {
                trickle.close();
            }
        }
    }

    private static long secondsUntilClosed(Socket socket) {
        long started = System.nanoTime();
        try {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server sends before closing
            }
        } catch (SocketTimeoutException e) {
            return 999;
        } catch (IOException closed) {
            // a reset is a close too
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    private static void writeQuietly(Socket socket, char c) {
        try {
            socket.getOutputStream().write(c);
        } catch (IOException closed) {
            // the server ended it
        }
    }

    private static boolean stillOpen(Socket socket) {
        try {
            socket.getOutputStream().write('x');
            socket.getOutputStream().flush();
            socket.setSoTimeout(50);
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException quietButOpen) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    // --- helpers

    private static void assertClean(RawHttp.Answer answer) {
        assertFalse(answer.hasHeader("Server"), "no Server header: " + answer.head());
        assertFalse(answer.hasHeader("X-Powered-By"), answer.head());
        assertFalse(answer.hasHeader("Set-Cookie"), "no session is made for anyone: " + answer.head());
        assertClean(answer.status(), answer.body());
    }

    /** A 4xx (or the 501/505 HTTP asks for) whose body names neither the server nor any code. */
    private static void assertClean(int status, String body) {
        assertTrue(status >= 400 && status < 500 || status == 501 || status == 505, "status " + status);
        for (String leak : List.of("Exception", "\tat ", "at com.", "at org.", "Tomcat", "10.1.", "Catalina",
                "java.", "jakarta.")) {
            assertFalse(body.contains(leak), "'" + leak + "' in:\n" + body);
        }
    }
}
