package com.daynight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The container's HEALTHCHECK: exit 0 only when /readyz answers 200. */
class HealthProbeTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void readyWhenReadyzAnswers200() throws Exception {
        HttpServer server = readyz(200, "{\"database\":true,\"model\":true}");
        try {
            assertEquals(0, HealthProbe.check(server.getAddress().getPort(), out));
            assertEquals("ready 200 {\"database\":true,\"model\":true}", printed.toString(StandardCharsets.UTF_8).strip());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void notReadyWhenReadyzAnswers503() throws Exception {
        HttpServer server = readyz(503, "{\"database\":false,\"model\":true}");
        try {
            assertEquals(1, HealthProbe.check(server.getAddress().getPort(), out));
            assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("not ready 503"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void notReadyWhenNothingAnswers() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertEquals(1, HealthProbe.check(closed, out));
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("no answer on port " + closed));
    }

    @Test
    void thePortIsCheckedLikeTheServiceChecksIt() {
        assertEquals(8080, Main.port(null));
        assertEquals(9000, Main.port(" 9000 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.port("http"))
                .getMessage().contains("PORT must be a port number"));
    }

    private static HttpServer readyz(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/readyz", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
