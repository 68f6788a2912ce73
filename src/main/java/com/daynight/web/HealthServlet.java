package com.daynight.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /healthz answers while the process can answer at all (a liveness probe); /readyz answers 200 only when
 * every readiness check passes (database reachable, model loaded), so a load balancer sends no traffic before.
 */
public class HealthServlet extends HttpServlet {

    private final transient Supplier<Map<String, Boolean>> readinessChecks;

    public HealthServlet(Supplier<Map<String, Boolean>> readinessChecks) {
        this.readinessChecks = readinessChecks;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if ("/readyz".equals(req.getServletPath())) {
            ready(resp);
        } else {
            Replies.plain(resp, HttpServletResponse.SC_OK, "ok");
        }
    }

    private void ready(HttpServletResponse resp) throws IOException {
        Map<String, Boolean> checks;
        try {
            checks = new LinkedHashMap<>(readinessChecks.get());
        } catch (RuntimeException e) {
            // A check that cannot even run means not ready; the probe's body says so without internals.
            log("a readiness check failed", e);
            Replies.json(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Map.of("error", "the checks could not run"));
            return;
        }
        boolean ready = checks.values().stream().allMatch(Boolean.TRUE::equals);
        Replies.json(resp, ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE, checks);
    }
}
