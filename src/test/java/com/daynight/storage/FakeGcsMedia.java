package com.daynight.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Media downloads of {@link FakeGcsServer}: the whole object, or the part a "Range: bytes=a-b" header asks for. */
final class FakeGcsMedia {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private FakeGcsMedia() {
    }

    static void send(HttpExchange exchange, FakeGcsObject object) throws IOException {
        byte[] bytes = object.bytes();
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range.trim());
        exchange.getResponseHeaders().set("Content-Type",
                object.contentType() == null ? "application/octet-stream" : object.contentType());
        exchange.getResponseHeaders().set("x-goog-generation", Long.toString(object.generation()));
        exchange.getResponseHeaders().set("x-goog-metageneration", "1");
        exchange.getResponseHeaders().set("x-goog-stored-content-length", Long.toString(bytes.length));
        // An empty object has no byte to range over; GCS answers it whole.
        if (matcher == null || !matcher.matches() || bytes.length == 0) {
            exchange.getResponseHeaders().set("x-goog-hash", object.hashHeader());
            sendBody(exchange, 200, bytes);
            return;
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? bytes.length - 1L
                : Math.min(Long.parseLong(matcher.group(2)), bytes.length - 1L);
        if (first >= bytes.length || first > last) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
            FakeGcsResponses.sendError(exchange, 416, "The requested range cannot be satisfied.");
            return;
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + bytes.length);
        sendBody(exchange, 206, Arrays.copyOfRange(bytes, (int) first, (int) last + 1));
    }

    private static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
