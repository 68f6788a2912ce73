package com.daynight.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies {@link FakeGcsServer} answers with, shaped as GCS's JSON API shapes them. */
final class FakeGcsResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeGcsResponses() {
    }

    static Map<String, Object> page(List<Map<String, Object>> items) {
        Map<String, Object> page = new HashMap<>();
        page.put("kind", "storage#objects");
        page.put("items", items);
        return page;
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Errors in the shape GCS sends them, which the client turns into StorageException with code and message. */
    static void sendError(HttpExchange exchange, int code, String message) throws IOException {
        String reason = switch (code) {
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 416 -> "requestedRangeNotSatisfiable";
            case 501 -> "notImplemented";
            default -> "backendError";
        };
        Map<String, Object> error = Map.of("code", code, "message", message,
                "errors", List.of(Map.of("domain", "global", "reason", reason, "message", message)));
        sendJson(exchange, code, Map.of("error", error));
    }
}
