package com.daynight.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;

/**
 * The headers that tell a browser to refuse what the pages never do: run inline or foreign script, be framed,
 * guess a content type, send our URLs (which carry ServiceIDs) to other sites. On every answer: pages, JSON,
 * CSV, static files and error pages. A servlet that resets its half-made answer gets them again.
 */
public class SecurityHeadersFilter extends HttpFilter {

    /** The pages load their scripts and styles from /static only; inline style attributes are not used either. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            // Not no-referrer: under it Chrome sends "Origin: null" with the pages' own form posts, which the
            // cross-site check must refuse. same-origin gives other sites nothing (URLs carry ServiceIDs).
            "Referrer-Policy", "same-origin");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        apply(resp);
        chain.doFilter(req, new HttpServletResponseWrapper(resp) {
            @Override
            public void reset() {
                super.reset();
                apply(resp);
            }
        });
    }

    static void apply(HttpServletResponse resp) {
        HEADERS.forEach(resp::setHeader);
    }
}
