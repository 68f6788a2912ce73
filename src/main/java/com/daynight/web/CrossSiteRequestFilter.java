package com.daynight.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request that a browser sent on behalf of another site (a form on evil.example that
 * posts here): its {@code Origin} names another site, or its {@code Sec-Fetch-Site} says cross-site. Clients
 * that send neither (curl, scripts) are not browsers acting for someone else, and pass.
 *
 * <p>"This site" is the {@code Host} the request was sent to, compared with the Origin's host and port. The
 * scheme is not compared: behind a proxy that ends TLS (Cloud Run) the request arrives as http while the
 * page's origin is https, and the app does not trust X-Forwarded-* headers anywhere.
 */
public class CrossSiteRequestFilter extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(req.getMethod()) || isSameSite(req)) {
            chain.doFilter(req, resp);
            return;
        }
        // No body is read: a form from another site gets no further than this.
        Replies.problem(req, resp, ResponseFormat.forSubmission(req.getHeader("Accept")), Problem.of(403,
                "cross-site request refused: submit from this site's own pages, or without a browser's Origin header"));
    }

    static boolean isSameSite(HttpServletRequest req) {
        String fetchSite = req.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return false;
        }
        String origin = req.getHeader("Origin");
        return origin == null || sameAuthority(origin.trim(), req.getHeader("Host"));
    }

    /** An Origin ("https://host:port", or "null" from a sandboxed or file page) against the Host header. */
    static boolean sameAuthority(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // "null" and anything that is not scheme://host
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return authority(uri.getHost(), uri.getPort(), defaultPort).equals(hostHeader(host, defaultPort));
    }

    private static String hostHeader(String host, int defaultPort) {
        String value = host.trim().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        if (colon > 0 && colon > value.lastIndexOf(']')) { // a port, not the inside of an IPv6 literal
            try {
                return authority(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)), defaultPort);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static String authority(String host, int port, int defaultPort) {
        String name = host.toLowerCase(Locale.ROOT);
        return port < 0 || port == defaultPort ? name : name + ":" + port;
    }
}
