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

    /**
     * A gallery page asks for dozens of thumbnails at once: they draw on buckets of their own, this many times
     * the lookups' size (a thumbnail of someone else's service is a 404 as the page is, so guessing gains no
     * more from them than from lookups; their cost is bounded by the thumbnail maker's own queue).
     */
    static final int THUMBNAILS_PER_LOOKUP = 20;

    private final transient TokenBuckets buckets;
    private final transient TokenBuckets thumbnailBuckets;
    private final int perMinute;

    public LookupRateLimitFilter(int perMinute) {
        this(perMinute, new TokenBuckets(perMinute, MAX_CLIENTS, System::nanoTime));
    }

    LookupRateLimitFilter(int perMinute, TokenBuckets buckets) {
        this.perMinute = perMinute;
        this.buckets = buckets;
        this.thumbnailBuckets = new TokenBuckets((int) Math.min(Integer.MAX_VALUE,
                (long) perMinute * THUMBNAILS_PER_LOOKUP), MAX_CLIENTS, System::nanoTime);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            chain.doFilter(req, resp);
            return;
        }
        boolean thumbnail = ThumbnailAnswers.isThumbnailPath(req.getRequestURI().substring(req.getContextPath().length()));
        long waitSeconds = (thumbnail ? thumbnailBuckets : buckets).tryTake(clientKey(req));
        if (waitSeconds == 0) {
            chain.doFilter(req, resp);
            return;
        }
        int limit = thumbnail ? perMinute * THUMBNAILS_PER_LOOKUP : perMinute;
        resp.setHeader("Retry-After", Long.toString(waitSeconds));
        Replies.problem(req, resp, ServiceAnswers.format(req), Problem.of(429, "too many "
                + (thumbnail ? "thumbnails" : "lookups") + ": at most " + limit + " a minute; try again in "
                + waitSeconds + " s"));
    }

    static String clientKey(HttpServletRequest req) {
        Object principal = req.getAttribute(PRINCIPAL_ATTRIBUTE);
        return principal instanceof String name && !name.isEmpty() ? "principal:" + name : "address:" + req.getRemoteAddr();
    }
}
