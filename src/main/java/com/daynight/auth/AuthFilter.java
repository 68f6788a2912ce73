package com.daynight.auth;

import com.daynight.config.AuthSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request in only with a verified identity, which it attaches for what follows ({@link Identity}).
 * AUTH=none: everyone is "local", an admin (one person on their own machine). AUTH=google: an IAP assertion
 * (x-goog-iap-jwt-assertion) or a Google ID token (Authorization: Bearer) must verify; only the health
 * checks are open. A refusal is a 401 that says how to sign in and never why the token failed (the log says).
 */
public final class AuthFilter implements Filter {

    static final String IAP_HEADER = "x-goog-iap-jwt-assertion";
    /** Load balancers and Cloud Run probe these without identity; they reveal nothing. */
    private static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz");
    private static final String BEARER = "bearer ";

    private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);

    private final AuthSettings.Mode mode;
    private final TokenVerifier verifier;
    private final Set<String> admins;

    /** @param verifier null with AUTH=none */
    public AuthFilter(AuthSettings.Mode mode, TokenVerifier verifier, Set<String> admins) {
        if (mode == AuthSettings.Mode.GOOGLE && verifier == null) {
            throw new IllegalArgumentException("AUTH=google needs a token verifier");
        }
        this.mode = mode;
        this.verifier = verifier;
        this.admins = Set.copyOf(admins);
    }

    public static AuthFilter forSettings(AuthSettings settings) {
        return new AuthFilter(settings.mode(),
                settings.mode() == AuthSettings.Mode.GOOGLE ? TokenVerifier.forSettings(settings) : null,
                settings.admins());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (mode == AuthSettings.Mode.NONE) {
            new Identity(AuthSettings.LOCAL_PRINCIPAL, true).attachTo(req);
            req.setAttribute(Identity.LOCAL_MODE_ATTRIBUTE, Boolean.TRUE);
            chain.doFilter(req, resp);
            return;
        }
        if (OPEN_PATHS.contains(req.getRequestURI().substring(req.getContextPath().length()))) {
            chain.doFilter(req, resp);
            return;
        }
        String principal = verifiedPrincipal(req);
        if (principal == null) {
            SignInPage.send(req, resp);
            return;
        }
        new Identity(principal, admins.contains(principal)).attachTo(req);
        chain.doFilter(req, resp);
    }

    /** The principal of the request's token, or null. An IAP assertion, when present, is the only one looked at. */
    private String verifiedPrincipal(HttpServletRequest req) {
        TokenVerifier.Kind kind;
        String token = req.getHeader(IAP_HEADER);
        if (token != null) {
            kind = TokenVerifier.Kind.IAP;
        } else {
            String authorization = req.getHeader("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                log.debug("no identity on {} {}", req.getMethod(), req.getRequestURI());
                return null;
            }
            kind = TokenVerifier.Kind.GOOGLE_ID;
            token = authorization.substring(BEARER.length()).trim();
        }
        try {
            return verifier.verify(kind, token);
        } catch (TokenVerifier.InvalidTokenException e) {
            log.info("refused a token ({}) on {} {}: {}", kind, req.getMethod(), req.getRequestURI(), e.getMessage());
            return null;
        }
    }
}
