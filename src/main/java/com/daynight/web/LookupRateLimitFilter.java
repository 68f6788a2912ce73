package com.daynight.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Limits lookups (GET and HEAD on /services and /services/{id}, in every format) per client: ServiceIDs are
 * short enough that unlimited guessing would find other people's services. The client is the authenticated
 * principal when an authentication filter before this one has set {@link #PRINCIPAL_ATTRIBUTE}, else the
 * remote address. Over the limit: 429 with Retry-After. Submissions have their own limit (QUEUE_LIMIT).
 */
public class LookupRateLimitFilter extends HttpFilter {

    /** Set (a String) by the authentication filter, when there is one. */
    public static final String PRINCIPAL_ATTRIBUTE = "com.daynight.auth.principal";
    /** Enough for every client a single instance meets; a busy one forgets its least recent clients first. */
    static final int MAX_CLIENTS = 10_000;

    private final transient TokenBuckets buckets;
    private final int perMinute;

    public LookupRateLimitFilter(int perMinute) {
        this(perMinute, new TokenBuckets(perMinute, MAX_CLIENTS, System::nanoTime));
    }

    LookupRateLimitFilter(int perMinute, TokenBuckets buckets) {
        this.perMinute = perMinute;
        this.buckets = buckets;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            chain.doFilter(req, resp);
            return;
        }
        long waitSeconds = buckets.tryTake(clientKey(req));
        if (waitSeconds == 0) {
            chain.doFilter(req, resp);
            return;
        }
        resp.setHeader("Retry-After", Long.toString(waitSeconds));
        Replies.problem(req, resp, ServiceAnswers.format(req), Problem.of(429,
                "too many lookups: at most " + perMinute + " a minute; try again in " + waitSeconds + " s"));
    }

    static String clientKey(HttpServletRequest req) {
        Object principal = req.getAttribute(PRINCIPAL_ATTRIBUTE);
        return principal instanceof String name && !name.isEmpty() ? "principal:" + name : "address:" + req.getRemoteAddr();
    }
}
