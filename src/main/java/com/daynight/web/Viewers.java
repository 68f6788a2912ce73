package com.daynight.web;

import com.daynight.auth.Identity;
import com.daynight.persistence.Viewer;
import jakarta.servlet.http.HttpServletRequest;

/** The request's verified identity as the lookups need it; a request without one sees nothing. */
final class Viewers {

    private Viewers() {
    }

    static Viewer of(HttpServletRequest req) {
        Identity identity = Identity.of(req);
        return identity == null ? new Viewer(null, false) : new Viewer(identity.principal(), identity.admin());
    }

    /** The verified principal, or null (the submission is then refused). */
    static String principal(HttpServletRequest req) {
        Identity identity = Identity.of(req);
        return identity == null ? null : identity.principal();
    }
}
