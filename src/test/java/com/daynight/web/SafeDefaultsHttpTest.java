package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safe defaults of issue 13 on the real webapp (JSPs, error pages, static files) with the composition
 * root's filters: security headers on every kind of answer, cross-site form posts refused before the body is
 * read, /metrics not on the public port, and lookups limited per client.
 */
class SafeDefaultsHttpTest {

    private static final int RATE = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private WebTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebTestServer.start(RATE);
        when(server.submissions.submit(any(), any(), any(), any())).thenReturn("ABCD1234");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                get("/", "text/html"),                                   // a page
                get("/services/ABCD1234?format=json", "*/*"),            // JSON 404
                get("/services/ABCD1234", "text/html"),                  // the 404 page
                get("/services/ABCD1234?format=csv", "*/*"),             // plain-text 404
                get("/no/such/thing", "text/html"),                      // the container's 404, through error.jsp
                get("/static/style.css", "*/*"),                         // a static file
                post(null, null, "application/json"));                   // a 202 in JSON
        for (HttpResponse<String> answer : answers) {
            String where = answer.request().method() + " " + answer.uri() + " " + answer.statusCode();
            assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY,
                    answer.headers().firstValue("Content-Security-Policy").orElse(null), where);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), where);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null), where);
            assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(null), where);
        }
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyle() throws Exception {
        String page = get("/", "text/html").body();
        assertTrue(page.contains("<script src="), page);
        assertTrue(!page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !page.contains("style=")
                && !page.matches("(?s).*\\son[a-z]+=.*"), "inline script or style in:\n" + page);
    }

    @Test
    void aCrossSiteFormPostIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> evil = post("http://evil.example", null, "text/html");
        assertEquals(403, evil.statusCode(), evil.body());
        assertTrue(evil.body().contains("cross-site request refused"), evil.body());
        assertEquals(403, post("null", null, "*/*").statusCode(), "a sandboxed page's Origin: null");
        assertEquals(403, post(null, "cross-site", "*/*").statusCode(), "Sec-Fetch-Site without Origin");
        HttpResponse<String> json = post("https://localhost.evil.example", null, "application/json");
        assertEquals(403, json.statusCode());
        assertTrue(json.body().startsWith("{\"error\":\"cross-site"), json.body());
        verify(server.submissions, never()).submit(any(), any(), any(), any());
    }

    @Test
    void sameOriginAndNonBrowserPostsAreTaken() throws Exception {
        String self = "http://localhost:" + server.uri("/").getPort();
        assertEquals(202, post(self, "same-origin", "*/*").statusCode(), "the app's own form");
        assertEquals(202, post(null, null, "*/*").statusCode(), "curl: neither Origin nor Sec-Fetch-Site");
        assertEquals(202, post(null, "none", "*/*").statusCode(), "typed by the user (Sec-Fetch-Site: none)");
        assertEquals(403, post("http://localhost:1", null, "*/*").statusCode(), "another port is another site");
    }

    @Test
    void metricsAreNotServedOnTheApplicationPort() throws Exception {
        HttpResponse<String> metrics = get("/metrics", "*/*");
        assertEquals(404, metrics.statusCode());
        assertEquals(200, get("/healthz", "*/*").statusCode());
        assertEquals(200, get("/readyz", "*/*").statusCode());
    }

    @Test
    void lookupsOverTheRateGet429WithRetryAfter() throws Exception {
        for (int i = 0; i < RATE; i++) {
            assertEquals(404, get("/services/ABCD1234?format=json", "*/*").statusCode(), "lookup " + (i + 1));
        }
        HttpResponse<String> limited = get("/services/ABCD1234?format=json", "*/*");
        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60 / RATE, "Retry-After " + retryAfter);
        assertTrue(limited.body().contains("too many lookups"), limited.body());
        assertEquals(429, get("/services?userName=Ann", "text/html").statusCode(), "the list shares the limit");
        assertEquals(429, get("/services/ABCD1234?format=csv", "*/*").statusCode(), "so does CSV");
        assertEquals(202, post(null, null, "*/*").statusCode(), "submissions are not lookups");
        assertEquals(200, get("/", "text/html").statusCode(), "nor is the home page");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String origin, String fetchSite, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/services"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("userName=Ann&bucket=holiday"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
