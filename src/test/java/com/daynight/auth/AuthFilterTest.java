package com.daynight.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.daynight.config.AuthSettings;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter in front of every servlet: who gets through, with which identity, and what a refusal says. */
class AuthFilterTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final TokenVerifier VERIFIER = new TokenVerifier(TestTokens.AUDIENCE,
            new ImmutableJWKSet<SecurityContext>(TOKENS.publicKeys()),
            new ImmutableJWKSet<SecurityContext>(TOKENS.publicKeys()));

    private final AuthFilter google = new AuthFilter(AuthSettings.Mode.GOOGLE, VERIFIER, Set.of("boss@example.com"));
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final FilterChain chain = mock(FilterChain.class);

    private HttpServletRequest request(String path, Map<String, String> headers) throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getContextPath()).thenReturn("");
        when(req.getRequestURI()).thenReturn(path);
        when(req.getMethod()).thenReturn("GET");
        headers.forEach((name, value) -> when(req.getHeader(name)).thenReturn(value));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(req).setAttribute(any(), any());
        when(resp.getWriter()).thenReturn(new PrintWriter(body));
        return req;
    }

    @Test
    void noneLetsEveryoneInAsLocalAdmin() throws Exception {
        HttpServletRequest req = request("/services", Map.of());
        new AuthFilter(AuthSettings.Mode.NONE, null, Set.of()).doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
        assertEquals("local", attributes.get(Identity.PRINCIPAL_ATTRIBUTE));
        assertEquals(Boolean.TRUE, attributes.get(Identity.ADMIN_ATTRIBUTE));
    }

    @Test
    void aVerifiedBearerTokenPassesWithItsPrincipal() throws Exception {
        HttpServletRequest req = request("/services", Map.of("Authorization", "Bearer " + TOKENS.idToken("A@Example.com")));
        google.doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
        assertEquals("a@example.com", attributes.get("com.daynight.auth.principal"));
        assertEquals(Boolean.FALSE, attributes.get(Identity.ADMIN_ATTRIBUTE));
    }

    @Test
    void anAdminIsMarked() throws Exception {
        HttpServletRequest req = request("/", Map.of(AuthFilter.IAP_HEADER, TOKENS.iapAssertion("boss@example.com")));
        google.doFilter(req, resp, chain);
        assertEquals(Boolean.TRUE, attributes.get(Identity.ADMIN_ATTRIBUTE));
    }

    @Test
    void aBadIapAssertionIsNotRescuedByAGoodBearerToken() throws Exception {
        HttpServletRequest req = request("/", Map.of(AuthFilter.IAP_HEADER, "junk",
                "Authorization", "Bearer " + TOKENS.idToken("a@example.com")));
        google.doFilter(req, resp, chain);
        verify(chain, never()).doFilter(any(), any());
        verify(resp).setStatus(401);
    }

    @Test
    void withoutIdentityAPageSaysHowToSignInWithThePathEscaped() throws Exception {
        HttpServletRequest req = request("/services/<script>", Map.of("Accept", "text/html"));
        google.doFilter(req, resp, chain);
        verify(chain, never()).doFilter(any(), any());
        verify(resp).setStatus(401);
        verify(resp).setHeader("WWW-Authenticate", "Bearer realm=\"DayNight\"");
        assertTrue(body.toString().contains("Sign in to DayNight"), body.toString());
        assertTrue(body.toString().contains("/services/&lt;script&gt;"), body.toString());
        assertFalse(body.toString().contains("<script>"));
        assertNull(attributes.get(Identity.PRINCIPAL_ATTRIBUTE));
    }

    @Test
    void withoutIdentityJsonIsAnsweredWhenAskedFor() throws Exception {
        HttpServletRequest req = request("/services/ABCDEFGH", Map.of("Accept", "application/json"));
        google.doFilter(req, resp, chain);
        verify(resp).setStatus(401);
        verify(resp).setContentType("application/json;charset=UTF-8");
        assertTrue(body.toString().startsWith("{\"error\": \"sign-in required"), body.toString());
    }

    @Test
    void onlyTheHealthChecksAreOpen() throws Exception {
        for (String open : new String[] {"/healthz", "/readyz"}) {
            HttpServletRequest req = request(open, Map.of());
            google.doFilter(req, resp, chain);
            verify(chain).doFilter(req, resp);
        }
        HttpServletRequest metrics = request("/healthz/../metrics", Map.of());
        google.doFilter(metrics, resp, chain);
        verify(chain, never()).doFilter(metrics, resp);
    }
}
