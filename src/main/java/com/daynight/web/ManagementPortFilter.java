package com.daynight.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps /metrics off the public port: it is served only on the management connector (MANAGEMENT_PORT, bound to
 * 127.0.0.1 unless MANAGEMENT_BIND_ADDRESS says otherwise), and that connector serves nothing else. Without a
 * management port /metrics is not served at all. The launcher names the connector's port in the
 * {@link #MANAGEMENT_PORT_ATTRIBUTE} context attribute once it listens.
 */
public class ManagementPortFilter extends HttpFilter {

    /** Shared by name with launcher/EmbeddedServer (not on this class path): an Integer, the local port. */
    public static final String MANAGEMENT_PORT_ATTRIBUTE = "com.daynight.managementPort";
    static final String METRICS_PATH = "/metrics";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        boolean onManagementPort = getServletContext().getAttribute(MANAGEMENT_PORT_ATTRIBUTE) instanceof Integer port
                && req.getLocalPort() == port;
        boolean metrics = METRICS_PATH.equals(req.getRequestURI().substring(req.getContextPath().length()));
        if (metrics == onManagementPort) {
            chain.doFilter(req, resp);
        } else {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
