package com.daynight.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line per request: method, path, status and latency in the message, and the same as Cloud Logging's
 * {@code httpRequest} object in the JSON format, so the log viewer shows and filters requests as requests.
 * Successful probes and scrapes come every few seconds and say nothing new: they are logged at DEBUG.
 */
public class AccessLogFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final Set<String> ROUTINE_PATHS = Set.of("/healthz", "/readyz", "/metrics");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        boolean threw = true;
        try {
            chain.doFilter(req, resp);
            threw = false;
        } finally {
            // An exception escaping the chain becomes a 500 after this filter; log what the client will get.
            log(req, threw ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : resp.getStatus(),
                    System.nanoTime() - started);
        }
    }

    private static void log(HttpServletRequest req, int status, long nanos) {
        String path = req.getRequestURI();
        Level level = status < 400 && ROUTINE_PATHS.contains(path) ? Level.DEBUG : Level.INFO;
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        log.atLevel(level)
                .addKeyValue("httpRequest", httpRequest(req, status, nanos))
                .log("{} {} {} {} ms", req.getMethod(), path, status, nanos / 1_000_000);
    }

    /** The fields of Cloud Logging's HttpRequest that a servlet knows; latency is a duration string ("0.012s"). */
    static Map<String, Object> httpRequest(HttpServletRequest req, int status, long nanos) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestMethod", req.getMethod());
        String query = req.getQueryString();
        fields.put("requestUrl", query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query);
        fields.put("status", status);
        fields.put("latency", String.format(Locale.ROOT, "%.6fs", nanos / 1e9));
        fields.put("remoteIp", req.getRemoteAddr());
        fields.put("protocol", req.getProtocol());
        putIfPresent(fields, "userAgent", req.getHeader("User-Agent"));
        putIfPresent(fields, "referer", req.getHeader("Referer"));
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
