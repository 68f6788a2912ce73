package com.daynight.storage;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a GCS JSON API request asks {@link FakeGcsServer} for: a listing (objectName null), metadata or media. */
record FakeGcsRequest(String bucket, String objectName, boolean media, Map<String, String> query) {

    // The object name is matched raw: the client sends '/' inside names as %2F, so it is one segment.
    private static final Pattern PATH = Pattern.compile("(/download)?/storage/v1/b/([^/]+)/o(?:/(.+))?");

    /** The request, or null when it is not one of the calls the fake serves. */
    static FakeGcsRequest parse(HttpExchange exchange) {
        Matcher matcher = PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean download = matcher.group(1) != null;
        String objectName = matcher.group(3) == null ? null : decode(matcher.group(3));
        if (download && objectName == null) {
            return null;
        }
        boolean media = download || "media".equals(query.get("alt"));
        return new FakeGcsRequest(decode(matcher.group(2)), objectName, media, query);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(key), decode(value));
        }
        return query;
    }

    /** Percent-decoding only: the client escapes spaces as %20, so a '+' is a plus sign, not a space. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
