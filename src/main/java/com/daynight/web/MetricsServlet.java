package com.daynight.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** /metrics: the instance's metrics in Prometheus' text exposition format, for a scraper or an agent. */
public class MetricsServlet extends HttpServlet {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient Supplier<String> exposition;

    public MetricsServlet(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = exposition.get();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType(CONTENT_TYPE);
        resp.getWriter().write(body);
    }
}
