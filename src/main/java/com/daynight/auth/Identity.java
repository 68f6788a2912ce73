package com.daynight.auth;

import jakarta.servlet.ServletRequest;

/**
 * Who a request speaks for, as {@link AuthFilter} verified it, kept in request attributes. The principal's
 * attribute name is fixed: other parts (the rate limiter) read it by name.
 */
public record Identity(String principal, boolean admin) {

    /** The verified principal, a String. */
    public static final String PRINCIPAL_ATTRIBUTE = "com.daynight.auth.principal";
    /** Boolean.TRUE when the principal is in ADMINS (every principal with AUTH=none). */
    public static final String ADMIN_ATTRIBUTE = "com.daynight.auth.admin";
    /** Boolean.TRUE with AUTH=none: the pages say that they run in local mode. */
    public static final String LOCAL_MODE_ATTRIBUTE = "localMode";

    void attachTo(ServletRequest request) {
        request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
        request.setAttribute(ADMIN_ATTRIBUTE, admin);
    }

    /** The request's identity, or null when none was verified (a request the filter did not see): deny then. */
    public static Identity of(ServletRequest request) {
        if (!(request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof String principal)) {
            return null;
        }
        return new Identity(principal, Boolean.TRUE.equals(request.getAttribute(ADMIN_ATTRIBUTE)));
    }
}
