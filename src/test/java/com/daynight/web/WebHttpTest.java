package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.persistence.ServicesTable;
import com.daynight.persistence.ServicesTable.ServiceWithCounts;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import com.daynight.submission.BucketInput;
import com.daynight.submission.ServiceUnavailableException;
import com.daynight.submission.SubmissionValidator;
import com.daynight.storage.GcsBucketNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web layer over real HTTP: routes, status codes, the three answer forms and the rendered JSPs. */
class WebHttpTest {

    static final String ID = "BK98GPW5";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final ObjectMapper JSON = new ObjectMapper();

    static WebTestServer server;
    final HttpClient http = HttpClient.newHttpClient();

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
        server.readiness.set(java.util.Map.of("database", true, "model", true));
        when(server.submissions.submit(any(), any(), any(), any())).thenAnswer(call -> {
            SubmissionValidator.validate(call.getArgument(1), BucketInput.normalised(call.getArgument(2)),
                    GcsBucketNames::ruleBroken);
            return ID;
        });
    }

    // --- POST /services

    @Test
    void formSubmissionAnswersTheIdAsPlainText() throws Exception {
        HttpResponse<String> resp = postForm("userName=Ann&bucket=holiday-photos", "*/*");
        assertEquals(202, resp.statusCode());
        assertEquals("/services/" + ID, resp.headers().firstValue("Location").orElseThrow());
        assertTrue(resp.body().matches("[A-Z0-9]{8}\n"), resp.body());
        assertTrue(resp.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void jsonSubmissionAnswersJson() throws Exception {
        HttpResponse<String> resp = post("{\"userName\": \"Ann\", \"bucket\": \"holiday-photos\"}",
                "application/json", "application/json");
        assertEquals(202, resp.statusCode());
        assertEquals("/services/" + ID, resp.headers().firstValue("Location").orElseThrow());
        assertEquals(ID, JSON.readTree(resp.body()).get("ServiceId").asText());
    }

    @Test
    void browserSubmissionIsRedirectedToTheConfirmationPage() throws Exception {
        HttpResponse<String> resp = postForm("userName=Ann&bucket=holiday-photos", BROWSER);
        assertEquals(303, resp.statusCode(), "Post/Redirect/Get");
        assertEquals("/services/" + ID + "/submitted", resp.headers().firstValue("Location").orElseThrow());
        serviceWithResults(service(ServiceStatus.QUEUED, 0, null));
        HttpResponse<String> page = get("/services/" + ID + "/submitted", BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains(">" + ID + "<"), page.body());
        assertTrue(page.body().contains("href=\"/services/" + ID + "\""));
    }

    @Test
    void missingUserNameIsRefusedInAllThreeForms() throws Exception {
        HttpResponse<String> plain = postForm("bucket=holiday-photos", "*/*");
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().startsWith("your name is required"), plain.body());

        JsonNode json = JSON.readTree(post("{\"bucket\": \"holiday-photos\"}", "application/json",
                "application/json").body());
        assertEquals("userName", json.get("field").asText());
        assertTrue(json.get("error").asText().contains("your name"));

        HttpResponse<String> html = postForm("bucket=holiday-photos", BROWSER);
        assertEquals(400, html.statusCode());
        assertTrue(html.body().contains("id=\"userName-error\""), html.body());
        assertTrue(html.body().contains("value=\"holiday-photos\""), "typed bucket kept");
    }

    @Test
    void invalidBucketIsRefusedInAllThreeForms() throws Exception {
        HttpResponse<String> plain = postForm("userName=Ann&bucket=My_Bucket!", "*/*");
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().startsWith("the bucket name is not a valid Google Cloud Storage bucket name"));

        HttpResponse<String> json = post("{\"userName\": \"Ann\", \"bucket\": \"goog-x\"}", "application/json",
                "application/json");
        assertEquals(400, json.statusCode());
        assertEquals("bucket", JSON.readTree(json.body()).get("field").asText());

        HttpResponse<String> html = postForm("userName=Ann&bucket=My_Bucket!", BROWSER);
        assertEquals(400, html.statusCode());
        assertTrue(html.body().contains("id=\"bucket-error\""));
        assertTrue(html.body().contains("value=\"Ann\""), "typed user name kept");
    }

    @Test
    void typedValuesComeBackEscaped() throws Exception {
        String body = "userName=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8)
                + "&bucket=" + URLEncoder.encode("\"><b>x", StandardCharsets.UTF_8);
        HttpResponse<String> html = postForm(body, BROWSER);
        assertEquals(400, html.statusCode());
        assertTrue(html.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html.body());
        assertFalse(html.body().contains("<script>"));
        assertFalse(html.body().contains("<b>x"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> resp = post("{\"userName\": ", "application/json", "*/*");
        assertEquals(400, resp.statusCode());
        assertEquals("the body is not valid JSON\n", resp.body());
    }

    @Test
    void aFormTheContainerCannotParseIsRefusedNotTakenForMissingFields() throws Exception {
        HttpResponse<String> resp = postForm("userName=%ZZ&bucket=holiday-photos", "*/*");
        assertEquals(400, resp.statusCode());
        assertTrue(resp.body().startsWith("the form body cannot be read"), resp.body());
    }

    @Test
    void otherContentTypesAreUnsupported() throws Exception {
        assertEquals(415, post("userName=Ann", "text/plain", "*/*").statusCode());
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String huge = "{\"userName\": \"" + "a".repeat(70_000) + "\"}";
        assertEquals(413, post(huge, "application/json", "application/json").statusCode());
    }

    @Test
    void unavailableServiceAsksToRetry() throws Exception {
        doThrow(new ServiceUnavailableException("the queue is full", null))
                .when(server.submissions).submit(any(), any(), any(), any());
        HttpResponse<String> plain = postForm("userName=Ann&bucket=holiday-photos", "*/*");
        assertEquals(503, plain.statusCode());
        assertEquals("5", plain.headers().firstValue("Retry-After").orElseThrow());
        HttpResponse<String> json = postForm("userName=Ann&bucket=holiday-photos", "application/json");
        assertEquals(503, json.statusCode());
        assertTrue(JSON.readTree(json.body()).get("error").asText().contains("queue is full"));
        HttpResponse<String> html = postForm("userName=Ann&bucket=holiday-photos", BROWSER);
        assertEquals(503, html.statusCode());
        assertTrue(html.body().contains("role=\"alert\""));
    }


    // --- GET /services/{id}

    static final Instant REQUESTED = Instant.parse("2026-11-24T10:15:03.250Z");

    static ServiceRecord service(ServiceStatus status, long done, Integer total) {
        Instant started = status == ServiceStatus.QUEUED ? null : REQUESTED.plusSeconds(2);
        Instant ended = status.isDone() ? REQUESTED.plusSeconds(9) : null;
        return new ServiceRecord(ID, "Ann <b>", "holiday-photos", REQUESTED, started, status, ended,
                status == ServiceStatus.FAILED ? "bucket holiday-photos does not exist" : null, done,
                total == null ? null : total.longValue());
    }

    static final List<ImageResult> RESULTS = List.of(
            ImageResult.classified("beach.jpg", Label.DAY, 0.97123),
            ImageResult.classified("=HYPERLINK(\"http://evil\",\"x\").jpg", Label.NIGHT, 0.8),
            ImageResult.failed("broken, \"really\".jpg", "not a decodable JPEG"));

    void serviceWithResults(ServiceRecord record) throws SQLException {
        serviceWithResults(record, RESULTS);
    }

    /** The record and its results; the page's read counts them as the database does, done being their sum. */
    void serviceWithResults(ServiceRecord record, List<ImageResult> results) throws SQLException {
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(record));
        ResultCounts counts = new ResultCounts(count(results, "day"), count(results, "night"), count(results, "error"));
        when(server.services.findWithCounts(eq(ID), any())).thenReturn(Optional.of(new ServiceWithCounts(
                new ServiceRecord(record.serviceId(), record.userName(), record.bucket(), record.requestTime(),
                        record.startTime(), record.status(), record.endTime(), record.error(), counts.total(),
                        record.total()), counts)));
        stubResults(results);
    }

    static int count(List<ImageResult> results, String kind) {
        return (int) results.stream().filter(r -> r.result().equals(kind)).count();
    }

    /** The results table's queries, answered from {@code results} as the database would. */
    void stubResults(List<ImageResult> results) throws SQLException {
        doAnswer(call -> {
            results.stream().skip(call.<Long>getArgument(1)).forEach(call.<Consumer<ImageResult>>getArgument(2));
            return null;
        }).when(server.results).forEach(eq(ID), anyLong(), any());
        when(server.results.page(eq(ID), any())).thenAnswer(call ->
                FakeResultPages.page(results, call.getArgument(1)));
        when(server.results.confidenceHistogram(eq(ID), anyInt())).thenAnswer(call ->
                FakeResultPages.histogram(results, call.getArgument(1)));
    }

    @Test
    void finishedServicePage() throws Exception {
        serviceWithResults(service(ServiceStatus.FINISHED, 3, 3));
        HttpResponse<String> resp = get("/services/" + ID, BROWSER);
        assertEquals(200, resp.statusCode());
        String page = resp.body();
        assertTrue(page.contains("Ann &lt;b&gt;"), page);
        assertTrue(page.contains("<time data-local datetime=\"2026-11-24T10:15:03.250Z\""
                + " title=\"2026-11-24 10:15:03 UTC\">2026-11-24 10:15:03 UTC</time>"), "UTC, for the script to localise");
        assertTrue(page.contains("<strong id=\"progress-text\">3 of 3</strong>"));
        assertTrue(page.contains("aria-valuenow=\"100\""));
        assertTrue(page.contains("<dd id=\"duration\">7.0 s</dd>"));
        assertTrue(page.contains("beach.jpg") && page.contains(">97.1%<"), "confidence as a percentage");
        assertTrue(page.contains("broken, &#034;really&#034;.jpg"));
        assertTrue(page.contains("<dd id=\"count-day\">1</dd>") && page.contains("<dd id=\"count-night\">1</dd>")
                && page.contains("<dd id=\"count-error\">1</dd>"), "the counts of each answer");
        assertTrue(page.contains("download=\"" + ID + ".json\"") && page.contains("download=\"" + ID + ".csv\""));
        assertFalse(page.contains("http-equiv=\"refresh\""), "a finished service's page stays still");
    }

    @Test
    void theFilterParameterListsOneKindOfResult() throws Exception {
        serviceWithResults(service(ServiceStatus.FINISHED, 3, 3));
        for (String errorsLink : List.of("errors", "error")) { // the page's own link, and the one earlier pages had
            String errors = get("/services/" + ID + "?view=table&show=" + errorsLink, BROWSER).body();
            assertTrue(errors.contains("broken, &#034;really&#034;.jpg") && !errors.contains("beach.jpg"), errors);
            assertTrue(errors.contains("data-filter=\"errors\" aria-current=\"true\""), "the chosen filter is marked");
            assertTrue(errors.contains("<span class=\"count\" id=\"filter-count-all\">3</span>"), "counts stay whole");
            assertFalse(errors.contains("listing-notices"), "no notice for a known value");
        }
        String unknown = get("/services/" + ID + "?view=table&show=%3Cb%3E", BROWSER).body();
        assertTrue(unknown.contains("beach.jpg") && unknown.contains("data-filter=\"all\" aria-current=\"true\""));
        assertTrue(unknown.contains("show=&lt;b&gt; is not a filter: showing all results. Choose all, day, night or"
                + " errors."), "an unknown value is named, escaped, not silently replaced");
    }

    @Test
    void sortingAndPagingRunOverAllResultsAndTheLinksCarryThem() throws Exception {
        List<ImageResult> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            all.add(ImageResult.classified(String.format("img%03d.jpg", i), i % 2 == 0 ? Label.DAY : Label.NIGHT,
                    0.5 + i / 1000.0));
        }
        serviceWithResults(service(ServiceStatus.FINISHED, 250, 250), all);
        String page = get("/services/" + ID + "?view=table&sort=name&order=desc&show=night&page=2&size=50", BROWSER)
                .body().replaceAll("\\s+", " ");
        assertTrue(page.contains("img149.jpg") && page.contains("img051.jpg") && !page.contains("img151.jpg"),
                "night, by name descending, second page of 50: img149 to img051");
        assertTrue(page.contains("Results <span id=\"first-shown\">51</span>&ndash;<span id=\"last-shown\">100</span>"
                + " of <span id=\"matching-count\">125</span>"), page);
        assertTrue(page.contains("href=\"/services/" + ID + "?view=table&amp;show=night&amp;sort=name&amp;order=desc"
                + "&amp;page=3&amp;size=50\""), "the next page's link keeps every choice");
        assertTrue(page.contains("href=\"/services/" + ID + "?view=table&amp;show=night&amp;sort=name&amp;size=50\""),
                "the name column's link turns the order round, from page 1");
        String gallery = get("/services/" + ID + "?sort=confidence&order=desc", BROWSER).body();
        assertTrue(gallery.contains("<ul id=\"gallery\""), "a finished service opens on its gallery");
        assertTrue(gallery.contains("src=\"/services/" + ID + "/thumbnails/249\""), "the surest first");
        assertTrue(gallery.contains("id=\"confidence-plot\""), "with the plot of the confidences");
        String tooFar = get("/services/" + ID + "?view=table&page=99&sort=bogus", BROWSER).body();
        assertTrue(tooFar.contains("there is no page 99: there are 3.") && tooFar.contains("sort=bogus is not a sort"));
        assertTrue(tooFar.contains("img249.jpg"), "the last page instead");
    }

    @Test
    void runningServicePageRefreshesItself() throws Exception {
        serviceWithResults(service(ServiceStatus.STARTED, 3, null));
        String page = get("/services/" + ID, null).body();
        assertTrue(page.contains("<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>"),
                "without scripts the page reloads itself; with them service-progress.js polls");
        assertTrue(page.contains("data-json-url=\"/services/" + ID + "?format=json\" data-status=\"started\""), page);
        assertTrue(page.contains("<strong id=\"progress-text\">3</strong>"), "progress without a known total");
        assertTrue(page.contains("class=\"progress indeterminate\""), "an unknown total gives no percentage");
        assertTrue(page.contains("<time id=\"ended-time\" data-local>not yet</time>"));
    }

    @Test
    void failedServicePageShowsTheError() throws Exception {
        serviceWithResults(service(ServiceStatus.FAILED, 0, null));
        assertTrue(get("/services/" + ID, null).body().contains("bucket holiday-photos does not exist"));
    }

    @Test
    void serviceAsJsonByAcceptOrParameter() throws Exception {
        serviceWithResults(service(ServiceStatus.STARTED, 3, 10));
        for (HttpResponse<String> resp : List.of(get("/services/" + ID, "application/json"),
                get("/services/" + ID + "?format=json", BROWSER))) {
            assertEquals(200, resp.statusCode());
            assertTrue(resp.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            JsonNode doc = JSON.readTree(resp.body()).get("serviceResults");
            assertEquals("started", doc.get("Status").asText());
            assertEquals(3, doc.get("Progress").get("done").asInt());
            assertEquals(10, doc.get("Progress").get("total").asInt());
            assertTrue(doc.get("ServiceEndTime").isNull());
            assertEquals(3, doc.get("Results").size());
            assertEquals("beach.jpg", doc.get("Results").get(0).get("image").asText());
            assertEquals("error", doc.get("Results").get(2).get("result").asText());
        }
    }

    @Test
    void jsonFromAnIndexHoldsTheResultsFromThereAndSaysSo() throws Exception {
        serviceWithResults(service(ServiceStatus.STARTED, 3, 10));
        JsonNode rest = JSON.readTree(get("/services/" + ID + "?format=json&from=1", null).body()).get("serviceResults");
        assertEquals(1, rest.get("ResultsFrom").asInt());
        assertEquals(2, rest.get("Results").size());
        assertEquals("night", rest.get("Results").get(0).get("result").asText());
        assertEquals(3, rest.get("Progress").get("done").asInt(), "the status fields stay whole");
        JsonNode none = JSON.readTree(get("/services/" + ID + "?format=json&from=3", null).body()).get("serviceResults");
        assertEquals(0, none.get("Results").size(), "nothing new yet");
        JsonNode whole = JSON.readTree(get("/services/" + ID + "?format=json&from=0", null).body()).get("serviceResults");
        assertFalse(whole.has("ResultsFrom"), "the whole document is the contract's, unmarked");
        assertEquals(3, whole.get("Results").size());
    }

    @Test
    void aFromThatIsNoIndexIsRefusedByName() throws Exception {
        serviceWithResults(service(ServiceStatus.STARTED, 3, 10));
        for (String from : List.of("-1", "abc", "1.5", "", "1e3", "9999999999999999", "%EF%BC%91")) {
            HttpResponse<String> resp = get("/services/" + ID + "?format=json&from=" + from, null);
            assertEquals(400, resp.statusCode(), from);
            JsonNode problem = JSON.readTree(resp.body());
            assertEquals("from", problem.get("field").asText(), from);
            assertTrue(problem.get("error").asText().startsWith("from: the index of the first result"), from);
        }
        // Past 2^31 is a real place in a very large service (db/V6): the index is a long.
        assertEquals(200, get("/services/" + ID + "?format=json&from=9999999999", null).statusCode());
        assertEquals(200, get("/services/" + ID + "?format=csv&from=abc", null).statusCode(),
                "only the JSON answer reads it");
    }

    @Test
    void serviceAsCsv() throws Exception {
        serviceWithResults(service(ServiceStatus.FINISHED, 3, 3));
        HttpResponse<String> resp = get("/services/" + ID + "?format=csv", null);
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("attachment; filename=\"" + ID + ".csv\"",
                resp.headers().firstValue("Content-Disposition").orElseThrow());
        List<String> lines = resp.body().lines().toList();
        assertEquals("image,result,confidence", lines.get(0));
        assertEquals("beach.jpg,day,0.9712", lines.get(1));
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\").jpg\",night,0.8000", lines.get(2));
        assertEquals("\"broken, \"\"really\"\".jpg\",error,", lines.get(3));
    }

    @Test
    void unknownOrMalformedServiceIsNotFound() throws Exception {
        when(server.services.find(any(), any())).thenReturn(Optional.empty());
        when(server.services.findWithCounts(any(), any())).thenReturn(Optional.empty());
        HttpResponse<String> html = get("/services/ZZZZZZZZ", BROWSER);
        assertEquals(404, html.statusCode());
        assertTrue(html.body().contains("there is no service with the ServiceID ZZZZZZZZ"));
        assertTrue(html.body().contains("<title>No such service - DayNight</title>"));
        assertTrue(html.body().contains("value=\"ZZZZZZZZ\""), "the lookup box offers to correct the typed ID");
        HttpResponse<String> json = get("/services/ZZZZZZZZ", "application/json");
        assertEquals(404, json.statusCode());
        assertTrue(JSON.readTree(json.body()).has("error"));
        assertEquals(404, get("/services/%3Cscript%3E", BROWSER).statusCode());
        assertEquals(404, get("/services/" + ID + "/more", null).statusCode());
    }

    @Test
    void databaseFailureOnLookupAsksToRetry() throws Exception {
        when(server.services.find(eq(ID), any())).thenThrow(new SQLException("connection refused"));
        when(server.services.findWithCounts(eq(ID), any())).thenThrow(new SQLException("connection refused"));
        HttpResponse<String> resp = get("/services/" + ID, "application/json");
        assertEquals(503, resp.statusCode());
        assertEquals("5", resp.headers().firstValue("Retry-After").orElseThrow());
        assertFalse(resp.body().contains("connection refused"));
        HttpResponse<String> page = get("/services/" + ID, BROWSER);
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("<h1 id=\"error-heading\">Please try again shortly</h1>"), page.body());
        assertTrue(page.body().contains("Reload this page in a few seconds"));
    }

    @Test
    void unexpectedFailureShowsNoInternals() throws Exception {
        when(server.services.find(eq(ID), any())).thenThrow(new IllegalStateException("secret internals"));
        when(server.services.findWithCounts(eq(ID), any())).thenThrow(new IllegalStateException("secret internals"));
        HttpResponse<String> resp = get("/services/" + ID, BROWSER);
        assertEquals(500, resp.statusCode());
        assertTrue(resp.body().contains("Something went wrong"), resp.body());
        assertFalse(resp.body().contains("secret internals") || resp.body().contains("at com.daynight"));
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(server.uri("/services"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        assertFalse(delete.body().contains("Apache Tomcat"), delete.body());
    }

    // --- GET /services?...

    @Test
    void lookupBoxRedirectsToTheServicePage() throws Exception {
        HttpResponse<String> resp = get("/services?serviceId=+bk98gpw5+", BROWSER);
        assertEquals(303, resp.statusCode());
        assertEquals("/services/" + ID, resp.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> invalid = get("/services?serviceId=%3Cb%3Enope", BROWSER);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("id=\"serviceId-error\""));
        assertTrue(invalid.body().contains("value=\"&lt;b&gt;nope\""));
    }

    @Test
    void servicesOfAUserAsJsonAndPage() throws Exception {
        when(server.services.findByUser(eq("Ann <b>"), any(), anyInt(), anyInt())).thenReturn(new ServicesTable.UserPage(
                List.of(new ServiceWithCounts(service(ServiceStatus.QUEUED, 0, null), ResultCounts.NONE),
                        new ServiceWithCounts(service(ServiceStatus.FINISHED, 3, 3), new ResultCounts(2, 1, 0))), 2));
        String query = "/services?userName=" + URLEncoder.encode("Ann <b>", StandardCharsets.UTF_8);
        JsonNode list = JSON.readTree(get(query + "&format=json", null).body());
        assertEquals(2, list.size());
        assertEquals(ID, list.get(0).get("ServiceId").asText());
        assertEquals("queued", list.get(0).get("Status").asText());
        assertTrue(list.get(0).get("ServiceStartTime").isNull());
        assertEquals("2026-11-24T10:15:03.250Z", list.get(1).get("ServiceRequestTime").asText());
        assertEquals(3, list.get(1).get("Progress").get("total").asInt());
        assertEquals(2, JSON.readTree(get(query, "application/json").body()).size());

        HttpResponse<String> page = get(query, BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Services of Ann &lt;b&gt;"));
        assertTrue(page.body().contains("href=\"/services/" + ID + "\""));
        assertTrue(page.body().contains("<span class=\"badge result-day\" title=\"day\">2</span>"), "answers counted");
        assertTrue(page.body().replaceAll("\\s+", " ").contains("services 1&ndash;2 of 2."));
        assertEquals(400, get("/services", "application/json").statusCode());
        assertEquals(400, get(query + "&page=0", BROWSER).statusCode());
        assertEquals(400, get(query + "&page=x", BROWSER).statusCode());
    }

    @Test
    void aLongListOfServicesIsPaged() throws Exception {
        List<ServiceWithCounts> page = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            page.add(new ServiceWithCounts(service(ServiceStatus.FINISHED, 3, 3), new ResultCounts(3, 0, 0)));
        }
        when(server.services.findByUser(eq("Bo"), any(), eq(100), eq(100))).thenReturn(
                new ServicesTable.UserPage(page.subList(0, 30), 130));
        String second = get("/services?userName=Bo&page=2", BROWSER).body().replaceAll("\\s+", " ");
        assertTrue(second.contains("services 101&ndash;130 of 130."), second);
        assertTrue(second.contains("<a href=\"/services?userName=Bo\">1</a>"), "a link to the first page");
        assertTrue(second.contains("<a href=\"/services?userName=Bo&amp;page=2\" aria-current=\"page\">2</a>"));
    }

    // --- the rest

    @Test
    void homePageHasTheForms() throws Exception {
        HttpResponse<String> resp = get("/", BROWSER);
        assertEquals(200, resp.statusCode());
        assertTrue(resp.body().contains("<label for=\"bucket\">"));
        assertTrue(resp.body().contains("name=\"serviceId\""));
        assertEquals(200, get("/static/style.css", null).statusCode());
    }

    @Test
    void homePageSaysItRunsInLocalModeWithAuthNone() throws Exception {
        assertTrue(get("/", BROWSER).body().contains("id=\"local-mode\""));
    }

    @Test
    void pagesLoadOnlyTheirOwnStylesAndScripts() throws Exception {
        serviceWithResults(service(ServiceStatus.STARTED, 3, 10));
        Pattern asset = Pattern.compile("(?:src|href)=\"([^\"#]*)\"");
        Set<String> assets = new TreeSet<>();
        for (String page : List.of("/", "/services/" + ID, "/no/such/page")) {
            String body = get(page, BROWSER).body();
            assertFalse(body.matches("(?s).*(?:src|href)=\"(?:https?:)?//.*"), "nothing from elsewhere on " + page);
            assertTrue(body.contains("<a class=\"skip-link\" href=\"#main\">") && body.contains("<main id=\"main\"")
                    && body.contains("<nav aria-label=\"Main\">") && body.contains("<footer"), "landmarks on " + page);
            asset.matcher(body).results().map(m -> m.group(1)).filter(u -> u.startsWith("/static/")).forEach(assets::add);
        }
        assertEquals(Set.of("/static/copy.js", "/static/favicon.svg", "/static/local-times.js",
                "/static/name-length.js", "/static/recent-services.js", "/static/results-table.js", "/static/service-progress.js",
                "/static/style.css"), assets);
        for (String url : assets) {
            assertEquals(200, get(url, null).statusCode(), url);
        }
    }

    @Test
    void theConfirmationOffersToCopyTheIdAndListsTheUsersServices() throws Exception {
        serviceWithResults(new ServiceRecord(ID, "Ann Lee", "holiday-photos", REQUESTED, null, ServiceStatus.QUEUED,
                null, null, 0, null));
        String page = get("/services/" + ID + "/submitted", BROWSER).body();
        assertTrue(page.contains("<p id=\"service-id\" class=\"service-id\">" + ID + "</p>"), page);
        assertTrue(page.contains("data-copy=\"service-id\""), "a copy button, shown by copy.js");
        assertTrue(page.contains("href=\"/services?userName=Ann+Lee\""), "the user's list");
    }

    @Test
    void healthAndReadiness() throws Exception {
        HttpResponse<String> health = get("/healthz", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok\n", health.body());
        assertEquals(200, get("/readyz", null).statusCode());
        server.readiness.set(java.util.Map.of("database", false, "model", true));
        HttpResponse<String> ready = get("/readyz", null);
        assertEquals(503, ready.statusCode());
        assertFalse(JSON.readTree(ready.body()).get("database").asBoolean());
    }

    @Test
    void unknownRouteIsAFriendlyNotFound() throws Exception {
        HttpResponse<String> resp = get("/no/such/page", BROWSER);
        assertEquals(404, resp.statusCode());
        assertTrue(resp.body().contains("There is nothing at this address."), resp.body());
        assertFalse(resp.body().contains("Exception") || resp.body().contains("Apache Tomcat"));
        assertNull(resp.headers().firstValue("Retry-After").orElse(null));
    }

    // --- helpers

    HttpResponse<String> postForm(String body, String accept) throws Exception {
        return post(body, "application/x-www-form-urlencoded", accept);
    }

    HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/services"))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(pathAndQuery)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
