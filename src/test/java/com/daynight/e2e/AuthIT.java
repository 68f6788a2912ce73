package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.auth.TestTokens;
import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTH=google on the real jar and a real MariaDB: tokens signed by keys made here, published by a tiny key
 * server that AUTH_JWKS_URL names. Who gets in, who sees which service, which bucket may be read, and each
 * user's own queue limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.com";
    private static final String ADMIN = "admin@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final TestTokens tokens = new TestTokens();
    private TestDatabase db;
    private RunningJar service;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path buckets = work.resolve("buckets");
        Files.createDirectories(buckets.resolve("holiday"));
        Files.createDirectories(buckets.resolve("secret")); // exists, but no rule lets Alice have it
        db = TestDatabase.create();
        // Carol already has one service waiting (not before an hour from now, so no worker takes it).
        db.execute("INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status, Owner, NotBefore)"
                + " VALUES ('CAROL001', 'Carol', 'holiday', UTC_TIMESTAMP(3), 'queued', '" + CAROL + "',"
                + " UTC_TIMESTAMP(3) + INTERVAL 1 HOUR)");
        Map<String, String> env = RunningJar.envWithDatabase(db,
                "STORAGE", "local", "BUCKETS_DIR", buckets.toString(), "DATA_DIR", work.resolve("data").toString(),
                "WORKERS", "1", "ADMINS", ADMIN + ", other-admin@example.com", "USER_QUEUE_LIMIT", "1",
                "BUCKET_RULES", ALICE + "=holiday,ghost-*;" + BOB + "=holiday;" + CAROL + "=holiday");
        env.putAll(tokens.env(tokens.serve()));
        service = RunningJar.start("auth", env);
    }

    @AfterAll
    void stop() throws Exception {
        try (TestDatabase closing = db; TestTokens keys = tokens) {
            if (service != null) {
                service.close();
            }
        }
    }

    // --- who gets in

    @Test
    void aValidIdTokenOrIapAssertionGetsIn() throws Exception {
        assertEquals(200, get("/", bearer(tokens.idToken(ALICE)), "text/html").statusCode());
        assertEquals(200, get("/", List.of("x-goog-iap-jwt-assertion", tokens.iapAssertion(ALICE)), "text/html")
                .statusCode());
    }

    @Test
    void noWrongOrStaleIdentityIsRefusedWith401() throws Exception {
        String expired = tokens.idToken(TestTokens.claims(ALICE, "https://accounts.google.com",
                TestTokens.AUDIENCE, Duration.ofMinutes(-10)).build());
        String otherAudience = tokens.idToken(TestTokens.claims(ALICE, "https://accounts.google.com",
                "/projects/999/apps/someone-else", Duration.ofHours(1)).build());
        List<List<String>> refused = List.of(List.of(), bearer(expired), bearer(otherAudience),
                bearer(tokens.idTokenByStranger(ALICE)),
                List.of("x-goog-iap-jwt-assertion", tokens.iapAssertionByStranger(ALICE)),
                List.of("x-goog-iap-jwt-assertion", tokens.idToken(ALICE)), // an ID token is no IAP assertion
                List.of("Authorization", "Basic YWxpY2U6c2VjcmV0"));
        for (List<String> headers : refused) {
            for (String path : List.of("/", "/services?userName=Ann", "/services/CAROL001", "/static/style.css")) {
                assertEquals(401, get(path, headers, "text/html").statusCode(), path + " with " + headers);
            }
            // /metrics is not served on the application's port at all (MANAGEMENT_PORT), identity or not.
            assertEquals(404, get("/metrics", headers, "text/html").statusCode(), "/metrics with " + headers);
        }
        HttpResponse<String> page = get("/services/CAROL001", List.of(), "text/html");
        assertTrue(page.body().contains("Sign in to DayNight"), page.body());
        assertTrue(page.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> json = get("/services/CAROL001?format=json", List.of(), "application/json");
        assertEquals(401, json.statusCode());
        assertTrue(JSON.readTree(json.body()).get("error").asText().startsWith("sign-in required"), json.body());
        String before = db.query("SELECT COUNT(*) FROM services");
        HttpResponse<String> post = post(List.of(), "{\"userName\": \"Ann\", \"bucket\": \"holiday\"}");
        assertEquals(401, post.statusCode());
        assertEquals(before, db.query("SELECT COUNT(*) FROM services"), "a refused submission leaves nothing");
    }

    @Test
    void theHealthChecksNeedNoIdentity() throws Exception {
        assertEquals(200, get("/healthz", List.of(), "*/*").statusCode());
        assertEquals(200, get("/readyz", List.of(), "*/*").statusCode());
    }

    // --- who sees which service

    @Test
    void bobCannotSeeListOrDownloadAlicesServiceAndAnAdminCan() throws Exception {
        HttpResponse<String> submitted = post(bearer(tokens.idToken(ALICE)),
                "{\"userName\": \"Ann\", \"bucket\": \"holiday\"}");
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = JSON.readTree(submitted.body()).get("ServiceId").asText();
        List<String> alice = bearer(tokens.idToken(ALICE));
        List<String> bob = bearer(tokens.idToken(BOB));
        List<String> admin = List.of("x-goog-iap-jwt-assertion", tokens.iapAssertion(ADMIN));
        List<String> forms = List.of("", "?format=json", "?format=csv");

        for (String form : forms) {
            assertEquals(200, get("/services/" + id + form, alice, "text/html").statusCode(), form);
            assertEquals(200, get("/services/" + id + form, admin, "text/html").statusCode(), form);
        }
        assertEquals(List.of(id), listed("Ann", alice));
        assertEquals(List.of(id), listed("Ann", admin));
        assertEquals(List.of(), listed("Ann", bob), "Bob lists none of Alice's services under her user name");
        assertFalse(get("/services?userName=Ann", bob, "text/html").body().contains(id));

        List<HttpResponse<String>> bobSees = new ArrayList<>();
        for (String form : forms) {
            HttpResponse<String> answer = get("/services/" + id + form, bob, "text/html");
            assertEquals(404, answer.statusCode(), form);
            bobSees.add(answer);
        }
        // The same ID once it is unknown: Bob's answers were those of a service that does not exist.
        db.execute("DELETE FROM service_results WHERE ServiceID = '" + id + "'");
        db.execute("DELETE FROM services WHERE ServiceID = '" + id + "'");
        for (int i = 0; i < forms.size(); i++) {
            HttpResponse<String> unknown = get("/services/" + id + forms.get(i), bob, "text/html");
            assertEquals(404, unknown.statusCode());
            assertArrayEquals(unknown.body().getBytes(), bobSees.get(i).body().getBytes(), forms.get(i));
            assertEquals(unknown.headers().firstValue("Content-Type"), bobSees.get(i).headers().firstValue("Content-Type"));
        }
    }

    @Test
    void aServiceFromBeforeOwnersIsForAdminsOnly() throws Exception {
        db.execute("INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status)"
                + " VALUES ('OLDROW01', 'Old', 'holiday', UTC_TIMESTAMP(3), 'failed')");
        assertEquals(404, get("/services/OLDROW01?format=json", bearer(tokens.idToken(ALICE)), "*/*").statusCode());
        assertEquals(200, get("/services/OLDROW01?format=json", bearer(tokens.idToken(ADMIN)), "*/*").statusCode());
        assertEquals(200, get("/services/OLDROW01?format=json", bearer(tokens.idToken("Other-Admin@Example.com")),
                "*/*").statusCode(), "ADMINS and addresses compare without case");
    }

    // --- which bucket may be read

    @Test
    void aDeniedBucketAndAMissingBucketAnswerAlike() throws Exception {
        List<String> alice = bearer(tokens.idToken(ALICE));
        for (String accept : List.of("application/json", "*/*", "text/html")) {
            HttpResponse<String> denied = post(alice, accept, "userName=Ann&bucket=secret");
            HttpResponse<String> missing = post(alice, accept, "userName=Ann&bucket=ghost-1");
            assertEquals(404, denied.statusCode(), denied.body());
            assertEquals(denied.statusCode(), missing.statusCode());
            assertEquals(withoutFormToken(denied.body()).replace("secret", "BUCKET"),
                    withoutFormToken(missing.body()).replace("ghost-1", "BUCKET"), accept);
            if (accept.equals("application/json")) {
                JsonNode problem = JSON.readTree(denied.body());
                assertEquals("bucket", problem.get("field").asText());
                assertEquals("bucket not found or not allowed", problem.get("error").asText());
            }
        }
        assertEquals(404, post(bearer(tokens.idToken(ADMIN)), "*/*", "userName=Ann&bucket=holiday").statusCode(),
                "an admin too needs a rule to have a bucket read");
        assertEquals("0", db.query("SELECT COUNT(*) FROM services WHERE Bucket IN ('secret', 'ghost-1')"
                + " OR Owner = '" + ADMIN + "'"));
    }

    // --- each user's own limit

    @Test
    void aUserOverTheirOwnQueueLimitGets429WithRetryAfter() throws Exception {
        HttpResponse<String> over = post(bearer(tokens.idToken(CAROL)), "application/json",
                "userName=Carol&bucket=holiday");
        assertEquals(429, over.statusCode(), over.body());
        assertTrue(over.headers().firstValue("Retry-After").isPresent());
        assertTrue(JSON.readTree(over.body()).get("error").asText().contains("your own limit"), over.body());
    }

    private List<String> listed(String userName, List<String> identity) throws Exception {
        HttpResponse<String> list = get("/services?userName=" + userName + "&format=json", identity, "*/*");
        assertEquals(200, list.statusCode(), list.body());
        List<String> ids = new ArrayList<>();
        JSON.readTree(list.body()).forEach(s -> ids.add(s.get("ServiceId").asText()));
        return ids;
    }

    private static List<String> bearer(String token) {
        return List.of("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path, List<String> headers, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(30));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(List<String> headers, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(List<String> headers, String accept, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form shown again carries a token of its own, made afresh for each rendering. */
    private static String withoutFormToken(String body) {
        return body.replaceAll("name=\"idempotencyKey\" value=\"[^\"]*\"", "name=\"idempotencyKey\"");
    }
}
