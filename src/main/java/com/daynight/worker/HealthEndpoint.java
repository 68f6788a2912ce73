package com.daynight.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Worker mode's only HTTP: {@code /healthz} (the process answers) and {@code /readyz} (database reachable, model
 * loaded), as the server answers them (web/HealthServlet), so probes and {@code java -jar daynight.jar health}
 * work the same; everything else is 404. The JDK's own small server: worker mode starts no servlet container.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code address}:{@code port} (0 picks a free port); readiness is asked at each request. */
    static HealthEndpoint start(String address, int port, Supplier<Map<String, Boolean>> readiness)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, readiness);
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "health");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return new HealthEndpoint(server);
    }

    private static void answer(HttpExchange exchange, Supplier<Map<String, Boolean>> readiness) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 405, "text/plain", "method not allowed");
        } else if (path.equals("/healthz")) {
            send(exchange, 200, "text/plain", "ok");
        } else if (path.equals("/readyz")) {
            Map<String, Boolean> checks;
            try {
                checks = new LinkedHashMap<>(readiness.get());
            } catch (RuntimeException e) {
                send(exchange, 503, "application/json", "{\"error\":\"the checks could not run\"}");
                return;
            }
            boolean ready = checks.values().stream().allMatch(Boolean.TRUE::equals);
            send(exchange, ready ? 200 : 503, "application/json", checks.entrySet().stream()
                    .map(check -> "\"" + check.getKey() + "\":" + check.getValue())
                    .collect(Collectors.joining(",", "{", "}")));
        } else {
            send(exchange, 404, "text/plain", "not found: worker mode serves only /healthz and /readyz");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
