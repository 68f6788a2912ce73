package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.daynight.persistence.ServicesTable.ServiceWithCounts;
import com.daynight.submission.BucketInput;
import com.daynight.submission.IdempotencyKey;
import com.daynight.submission.SubmissionValidator;
import com.daynight.storage.GcsBucketNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 15 over real HTTP: Post/Redirect/Get, idempotency keys, canonical ServiceIDs and the small frictions. */
class SubmissionHttpTest {

    private static final String ID = "O8R3JNX8";
    private static final String BROWSER = WebHttpTest.BROWSER;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private static WebTestServer server;
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect: each answer is seen

    @BeforeAll
    static void startServer() throws Exception {
        server = WebTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void realValidationBehindTheMock() {
        reset(server.submissions, server.services, server.results);
        when(server.submissions.submit(any(), any(), any(), any())).thenAnswer(call -> {
            SubmissionValidator.validate(call.getArgument(1), BucketInput.normalised(call.getArgument(2)),
                    GcsBucketNames::ruleBroken);
            IdempotencyKey.validated(call.getArgument(3));
            return ID;
        });
    }

    private void service(ServiceStatus status, int done, Integer total) throws Exception {
        Instant requested = Instant.parse("2026-12-01T10:00:00Z");
        ServiceRecord record = new ServiceRecord(ID, "Ann", "holiday", requested,
                status == ServiceStatus.QUEUED ? null : requested.plusSeconds(1), status,
                status.isDone() ? requested.plusSeconds(2) : null, null, done, total == null ? null : total.longValue());
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(record));
        when(server.services.findWithCounts(eq(ID), any()))
                .thenReturn(Optional.of(new ServiceWithCounts(record, new ResultCounts(0, 0, 0))));
    }

    // --- Post/Redirect/Get

    @Test
    void aBrowserIsSentToTheConfirmationsOwnAddressAndScriptsKeep202() throws Exception {
        HttpResponse<String> browser = post("userName=Ann&bucket=holiday", "application/x-www-form-urlencoded",
                BROWSER, null);
        assertEquals(303, browser.statusCode());
        assertEquals("/services/" + ID + "/submitted", browser.headers().firstValue("Location").orElseThrow());
        assertEquals("", browser.body());

        HttpResponse<String> curl = post("userName=Ann&bucket=holiday", "application/x-www-form-urlencoded", "*/*",
                null);
        assertEquals(202, curl.statusCode());
        assertEquals(ID + "\n", curl.body());
        assertEquals("/services/" + ID, curl.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> json = post("{\"userName\": \"Ann\", \"bucket\": \"holiday\"}", "application/json",
                "application/json", null);
        assertEquals(202, json.statusCode());
        assertEquals(ID, JSON.readTree(json.body()).get("ServiceId").asText());
    }

    @Test
    void theConfirmationIsAPageThatCanBeReloaded() throws Exception {
        service(ServiceStatus.STARTED, 3, 10);
        for (int reload = 0; reload < 2; reload++) {
            HttpResponse<String> page = get("/services/" + ID + "/submitted", BROWSER);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<p id=\"service-id\" class=\"service-id\">" + ID + "</p>"));
            assertTrue(page.body().contains("<code id=\"accepted-bucket\" class=\"bucket\">holiday</code>"));
            assertTrue(page.body().contains("status-started"), "says where the service is now");
        }
        verify(server.submissions, org.mockito.Mockito.never()).submit(any(), any(), any(), any());
        when(server.services.find(eq("ZZZZZZZZ"), any())).thenReturn(Optional.empty());
        assertEquals(404, get("/services/ZZZZZZZZ/submitted", BROWSER).statusCode());
    }

    @Test
    void servicesWithoutANameLeadsABrowserToTheForm() throws Exception {
        HttpResponse<String> page = get("/services", BROWSER);
        assertEquals(303, page.statusCode(), "not a 400 page");
        assertEquals("/", page.headers().firstValue("Location").orElseThrow());
        assertEquals(400, get("/services", "application/json").statusCode(), "a script is told what is missing");
        HttpResponse<String> blank = get("/services?userName=+", BROWSER);
        assertEquals(400, blank.statusCode());
        assertTrue(blank.body().contains("your name is required"), blank.body());
    }

    // --- idempotency

    @Test
    void theHeaderAndTheFormTokenReachTheSubmission() throws Exception {
        post("userName=Ann&bucket=holiday", "application/x-www-form-urlencoded", "*/*", "retry-7");
        verify(server.submissions).submit(any(), eq("Ann"), eq("holiday"), eq("retry-7"));
        post("userName=Bo&bucket=holiday&idempotencyKey=form-1", "application/x-www-form-urlencoded", BROWSER, null);
        verify(server.submissions).submit(any(), eq("Bo"), eq("holiday"), eq("form-1"));
        post("{\"userName\": \"Cy\", \"bucket\": \"holiday\"}", "application/json", "application/json", "json-1");
        verify(server.submissions).submit(any(), eq("Cy"), eq("holiday"), eq("json-1"));
    }

    @Test
    void eachRenderingOfTheFormCarriesItsOwnToken() throws Exception {
        String first = token(get("/", BROWSER).body());
        String second = token(get("/", BROWSER).body());
        assertNotEquals(first, second);
        assertTrue(first.matches("[0-9a-f-]{36}"), first);
        String again = post("userName=Ann&bucket=Bad_Bucket&idempotencyKey=" + first,
                "application/x-www-form-urlencoded", BROWSER, null).body();
        assertNotEquals(first, token(again), "a form shown again after a refusal is a new form");
        assertEquals("no-store", get("/", BROWSER).headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void aBadKeyIsRefusedNamingTheHeader() throws Exception {
        HttpResponse<String> json = post("{\"userName\": \"Ann\", \"bucket\": \"holiday\"}", "application/json",
                "application/json", "x".repeat(300));
        assertEquals(400, json.statusCode());
        JsonNode problem = JSON.readTree(json.body());
        assertEquals("Idempotency-Key", problem.get("field").asText());
        HttpResponse<String> page = post("userName=Ann&bucket=holiday&idempotencyKey=two+words",
                "application/x-www-form-urlencoded", BROWSER, null);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("class=\"alert\" role=\"alert\""), "said on the form: " + page.body());
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "a hidden token in the form");
        return m.group(1);
    }

    // --- frictions

    @Test
    void aServiceIdInAnyCaseRedirectsToTheCanonicalOne() throws Exception {
        for (String path : List.of("/services/o8r3jnx8", "/services/O8r3Jnx8")) {
            HttpResponse<String> page = get(path, BROWSER);
            assertEquals(301, page.statusCode(), path);
            assertEquals("/services/" + ID, page.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> json = get("/services/o8r3jnx8?format=json", "application/json");
        assertEquals(301, json.statusCode());
        assertEquals("/services/" + ID + "?format=json", json.headers().firstValue("Location").orElseThrow());
        assertEquals("/services/" + ID + "/submitted",
                get("/services/o8r3jnx8/submitted", BROWSER).headers().firstValue("Location").orElseThrow());
        when(server.services.findWithCounts(any(), any())).thenReturn(Optional.empty());
        assertEquals(404, get("/services/o8r3jnx", BROWSER).statusCode(), "not a ServiceID in any case");
    }

    @Test
    void theBucketIsTakenWithGsAndSpacesAndShownBackAsUnderstood() throws Exception {
        for (String typed : List.of("gs://holiday", "gs://holiday/", "  holiday  ", " GS://holiday/ ")) {
            assertEquals("holiday", BucketInput.normalised(typed), typed);
        }
        assertEquals("holiday/photos", BucketInput.normalised("gs://holiday/photos"), "a folder stays refused");
        HttpResponse<String> page = post("userName=Ann&bucket=+gs%3A%2F%2FBad_Bucket%2F+",
                "application/x-www-form-urlencoded", BROWSER, null);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("value=\"Bad_Bucket\""), "shown back without gs:// and spaces");
        assertTrue(page.body().contains("the bucket name is not a valid Google Cloud Storage bucket name"));
        assertEquals(202, post("userName=Ann&bucket=+gs%3A%2F%2Fholiday%2F", "application/x-www-form-urlencoded",
                "*/*", null).statusCode());
    }

    @Test
    void messagesNameTheFieldsInTheUsersWords() throws Exception {
        String plain = post("bucket=holiday", "application/x-www-form-urlencoded", "*/*", null).body();
        assertTrue(plain.startsWith("your name is required"), plain);
        JsonNode json = JSON.readTree(post("{\"userName\": \"Ann\"}", "application/json", "application/json", null)
                .body());
        assertEquals("bucket", json.get("field").asText(), "the key stays the JSON field's name");
        assertTrue(json.get("error").asText().startsWith("the bucket name is required"), json.toString());
        String lookup = get("/services?serviceId=nope", BROWSER).body();
        assertTrue(lookup.contains("the ServiceID must be 8 letters and digits"), lookup);
        for (String body : List.of(plain, json.toString(), lookup)) {
            assertFalse(body.contains("userName is") || body.contains("serviceId must"), body);
        }
    }

    @Test
    void theNameFieldsCountCharactersAsTheServerDoes() throws Exception {
        String form = get("/", BROWSER).body();
        assertFalse(form.contains("maxlength=\"100\""), "maxlength counts UTF-16 units: 50 emoji");
        assertTrue(form.contains("id=\"userName\" name=\"userName\" type=\"text\" data-max-chars=\"100\""));
        assertTrue(form.contains("/static/name-length.js"));
        String script = get("/static/name-length.js", null).body();
        assertTrue(script.contains("Array.from(value).length"), "code points, as SubmissionValidator counts");
        assertEquals(SubmissionValidator.MAX_USER_NAME, 100);
    }

    @Test
    void aFinishedServiceWithNoPictureSaysWhyOnThePageAndInJson() throws Exception {
        service(ServiceStatus.FINISHED, 0, 0);
        String page = get("/services/" + ID, BROWSER).body();
        assertTrue(page.contains("<div id=\"service-notice\" class=\"alert alert-notice\" role=\"status\">"), page);
        assertTrue(page.contains("The bucket holds no JPEG picture"), page);
        assertTrue(page.contains("class=\"progress nothing-done\""), "not a bare green 100 %");
        JsonNode doc = JSON.readTree(get("/services/" + ID + "?format=json", null).body()).get("serviceResults");
        assertEquals(ServiceRecord.NO_JPEGS, doc.get("Notice").asText());

        service(ServiceStatus.FINISHED, 3, 3);
        assertTrue(get("/services/" + ID, BROWSER).body().contains("<div id=\"service-notice\" class=\"alert alert-notice\" role=\"status\" hidden>"));
        assertFalse(JSON.readTree(get("/services/" + ID + "?format=json", null).body()).get("serviceResults")
                .has("Notice"));
        service(ServiceStatus.STARTED, 0, 0);
        assertFalse(JSON.readTree(get("/services/" + ID + "?format=json", null).body()).get("serviceResults")
                .has("Notice"), "only once it is finished");
    }

    // --- helpers

    private HttpResponse<String> post(String body, String contentType, String accept, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/services"))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(pathAndQuery)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
