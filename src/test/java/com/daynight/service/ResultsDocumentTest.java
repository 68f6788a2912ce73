package com.daynight.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsDocumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant REQUEST = Instant.parse("2017-12-29T18:45:10.123Z");

    private static final List<ImageResult> EXAMPLE_RESULTS = List.of(
            ImageResult.classified("mypic1.jpg", Label.DAY, 0.97),
            ImageResult.classified("mypic2.jpg", Label.NIGHT, 0.88),
            ImageResult.failed("broken.jpg", "not a decodable JPEG"));

    private static ServiceRecord record(String userName, Instant requestTime) {
        return new ServiceRecord("BK98GPW5", userName, "User_selected_bucket_name", requestTime,
                null, ServiceStatus.QUEUED, null, null, 0, null);
    }

    private static ObjectNode parse(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private static String withStatus(ServiceRecord service, List<ImageResult> results) {
        StringWriter out = new StringWriter();
        ResultsDocument.write(service, results, true, out);
        return out.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The contract's example document, with a confidence on each classified entry (the contract allows more keys). */
    private static final String CONTRACT_EXAMPLE = """
                {"serviceResults": {
                  "UserName": "Michael Jordan",
                  "ServiceRequestDate": {"year": "2017", "month": "December", "day": "29", "time": "18h45m"},
                  "ServiceId": "BK98GPW5",
                  "Bucket": "User_selected_bucket_name",
                  "Results": [
                    {"image": "mypic1.jpg", "result": "day", "confidence": 0.97},
                    {"image": "mypic2.jpg", "result": "night", "confidence": 0.88},
                    {"image": "broken.jpg", "result": "error", "error": "not a decodable JPEG"}
                  ]
                }}""";

    @Test
    void theContractsExampleExactly() throws Exception {
        ObjectNode actual = parse(ResultsDocument.toJson(record("Michael Jordan", REQUEST), EXAMPLE_RESULTS));

        assertEquals(parse(CONTRACT_EXAMPLE), actual);
        assertEquals(List.of("serviceResults"), fieldNames(actual));
        JsonNode doc = actual.get("serviceResults");
        assertEquals(List.of("UserName", "ServiceRequestDate", "ServiceId", "Bucket", "Results"), fieldNames(doc));
        assertEquals(List.of("year", "month", "day", "time"), fieldNames(doc.get("ServiceRequestDate")));
        doc.get("ServiceRequestDate").forEach(v -> assertTrue(v.isTextual(), v.toString()));
        // the contract's keys first, extras after them
        assertEquals(List.of("image", "result", "confidence"), fieldNames(doc.get("Results").get(0)));
        assertEquals(List.of("image", "result", "error"), fieldNames(doc.get("Results").get(2)));
    }

    @Test
    void errorEntryHasErrorAndNoConfidence() throws Exception {
        JsonNode entry = parse(ResultsDocument.toJson(record("x", REQUEST),
                List.of(ImageResult.failed("broken.jpg", "not a decodable JPEG"))))
                .get("serviceResults").get("Results").get(0);

        assertEquals("error", entry.get("result").asText());
        assertEquals("not a decodable JPEG", entry.get("error").asText());
        assertFalse(entry.has("confidence"));
    }

    @Test
    void classifiedEntryHasNoError() throws Exception {
        JsonNode entry = parse(ResultsDocument.toJson(record("x", REQUEST),
                List.of(ImageResult.classified("a.jpg", Label.NIGHT, 0.5))))
                .get("serviceResults").get("Results").get(0);

        assertFalse(entry.has("error"));
        assertTrue(entry.get("confidence").isNumber());
        assertEquals(0.5, entry.get("confidence").doubleValue());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.97, 0.9999, 1.0})
    void representableConfidencesAreKept(double confidence) throws Exception {
        JsonNode entry = parse(ResultsDocument.toJson(record("x", REQUEST),
                List.of(ImageResult.classified("a.jpg", Label.DAY, confidence))))
                .get("serviceResults").get("Results").get(0);
        assertEquals(confidence, entry.get("confidence").doubleValue());
    }

    @Test
    void confidenceIsRoundedToFourDecimals() throws Exception {
        JsonNode entry = parse(ResultsDocument.toJson(record("x", REQUEST),
                List.of(ImageResult.classified("a.jpg", Label.DAY, 0.123456789))))
                .get("serviceResults").get("Results").get(0);
        assertEquals(0.1235, entry.get("confidence").doubleValue());
    }

    @Test
    void emptyResultsIsAnEmptyArray() throws Exception {
        JsonNode results = parse(ResultsDocument.toJson(record("x", REQUEST), List.of()))
                .get("serviceResults").get("Results");
        assertTrue(results.isArray());
        assertEquals(0, results.size());
    }

    @Test
    void aPartFromAnIndexSaysWhereItStartsRightBeforeTheResults() throws Exception {
        StringWriter out = new StringWriter();
        ResultsDocument.write(record("x", REQUEST), true, 2, out,
                sink -> sink.accept(ImageResult.classified("c.jpg", Label.DAY, 0.9)));
        JsonNode doc = parse(out.toString()).get("serviceResults");
        assertEquals(2, doc.get(ResultsDocument.RESULTS_FROM).asInt());
        assertEquals("c.jpg", doc.get("Results").get(0).get("image").asText());
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        assertEquals(fields.indexOf("Results") - 1, fields.indexOf(ResultsDocument.RESULTS_FROM), fields.toString());
        assertFalse(parse(withStatus(record("x", REQUEST), List.of())).get("serviceResults")
                .has(ResultsDocument.RESULTS_FROM), "the whole document has no marker");
    }

    static Stream<Arguments> requestDates() {
        return Stream.of(
                Arguments.of("2017-12-29T18:45:10.123Z", "2017", "December", "29", "18h45m"),
                Arguments.of("2021-03-03T09:05:00Z", "2021", "March", "3", "09h05m"),
                Arguments.of("2020-01-01T00:00:00Z", "2020", "January", "1", "00h00m"),
                Arguments.of("2024-02-29T23:59:59.999Z", "2024", "February", "29", "23h59m"),
                Arguments.of("2019-07-10T07:30:00Z", "2019", "July", "10", "07h30m"));
    }

    @ParameterizedTest
    @MethodSource("requestDates")
    void requestDateIsUtcStrings(String instant, String year, String month, String day, String time)
            throws Exception {
        JsonNode date = parse(ResultsDocument.toJson(record("x", Instant.parse(instant)), List.of()))
                .get("serviceResults").get("ServiceRequestDate");

        JsonNode expected = MAPPER.createObjectNode()
                .put("year", year).put("month", month).put("day", day).put("time", time);
        assertEquals(expected, date);
    }

    @Test
    void withStatusAddsStatusTimesAndProgress() throws Exception {
        ServiceRecord running = new ServiceRecord("BK98GPW5", "Michael Jordan", "photos", REQUEST,
                Instant.parse("2017-12-29T18:45:11.500Z"), ServiceStatus.STARTED, null, null, 2, 3L);

        ObjectNode doc = (ObjectNode) parse(withStatus(running, EXAMPLE_RESULTS.subList(0, 2))).get("serviceResults");

        assertEquals(List.of("UserName", "ServiceRequestDate", "ServiceId", "Bucket",
                "Status", "ServiceStartTime", "ServiceEndTime", "Progress", "Results"), fieldNames(doc));
        assertEquals("started", doc.get("Status").asText());
        assertEquals("2017-12-29T18:45:11.500Z", doc.get("ServiceStartTime").asText());
        assertTrue(doc.get("ServiceEndTime").isNull());
        assertEquals(MAPPER.readTree("{\"done\": 2, \"total\": 3, \"listed\": true}"), doc.get("Progress"));
        assertEquals(2, doc.get("Results").size());
        assertEquals(Instant.parse(doc.get("ServiceStartTime").asText()), running.startTime());
    }

    @Test
    void withStatusWhileQueuedHasNullsAndUnknownTotal() throws Exception {
        ObjectNode doc = (ObjectNode) parse(withStatus(record("x", REQUEST), List.of())).get("serviceResults");

        assertEquals("queued", doc.get("Status").asText());
        assertTrue(doc.get("ServiceStartTime").isNull());
        assertTrue(doc.get("ServiceEndTime").isNull());
        assertEquals(0, doc.get("Progress").get("done").intValue());
        assertTrue(doc.get("Progress").has("total"));
        assertTrue(doc.get("Progress").get("total").isNull());
    }

    @Test
    void withStatusWhenFinished() throws Exception {
        ServiceRecord finished = new ServiceRecord("BK98GPW5", "Michael Jordan", "photos", REQUEST,
                Instant.parse("2017-12-29T18:45:11.500Z"), ServiceStatus.FINISHED,
                Instant.parse("2017-12-29T18:46:00.001Z"), null, 3, 3L);

        JsonNode doc = parse(withStatus(finished, EXAMPLE_RESULTS)).get("serviceResults");

        assertEquals("finished", doc.get("Status").asText());
        assertEquals("2017-12-29T18:46:00.001Z", doc.get("ServiceEndTime").asText());
        assertEquals(MAPPER.readTree("{\"done\": 3, \"total\": 3, \"listed\": true}"), doc.get("Progress"));
        assertEquals(3, doc.get("Results").size());
    }

    @Test
    void aFinishedServiceWithoutResultsSaysWhyOnlyWithTheStatus() throws Exception {
        ServiceRecord empty = new ServiceRecord("BK98GPW5", "n", "photos", REQUEST, REQUEST, ServiceStatus.FINISHED,
                REQUEST, null, 0, 0L);
        assertEquals(ServiceRecord.NO_JPEGS, parse(withStatus(empty, List.of())).get("serviceResults")
                .get("Notice").asText());
        StringWriter stored = new StringWriter();
        ResultsDocument.write(empty, List.of(), false, stored);
        assertFalse(parse(stored.toString()).get("serviceResults").has("Notice"), "the stored document is as specified");
    }

    @Test
    void withoutStatusHasNoStatusFields() throws Exception {
        ServiceRecord finished = new ServiceRecord("BK98GPW5", "n", "photos", REQUEST,
                REQUEST, ServiceStatus.FINISHED, REQUEST, null, 3, 3L);
        StringWriter out = new StringWriter();
        ResultsDocument.write(finished, EXAMPLE_RESULTS, false, out);

        assertEquals(ResultsDocument.toJson(finished, EXAMPLE_RESULTS), out.toString());
        JsonNode doc = parse(out.toString()).get("serviceResults");
        for (String f : List.of("Status", "ServiceStartTime", "ServiceEndTime", "Progress", "Error")) {
            assertFalse(doc.has(f), f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Shaquille \"Shaq\" O'Neal",
            "<script>alert('x')</script> & </b>",
            "back\\slash / slash",
            "Zoë 日本語 \uD83D\uDE00 \u200Fשלום\u202E",
            "\u2028\u2029 separators"})
    void specialCharactersRoundTrip(String text) throws Exception {
        ServiceRecord service = new ServiceRecord("BK98GPW5", text, "photos", REQUEST,
                null, ServiceStatus.FAILED, null, text, 0, null);
        List<ImageResult> results = List.of(
                ImageResult.classified(text + ".jpg", Label.DAY, 0.8),
                ImageResult.failed(text, text));

        for (String json : List.of(ResultsDocument.toJson(service, results), withStatus(service, results))) {
            JsonNode doc = parse(json).get("serviceResults");
            assertEquals(text, doc.get("UserName").asText());
            assertEquals(text + ".jpg", doc.get("Results").get(0).get("image").asText());
            assertEquals(text, doc.get("Results").get(1).get("image").asText());
            assertEquals(text, doc.get("Results").get(1).get("error").asText());
        }
        assertEquals(text, parse(withStatus(service, results)).get("serviceResults").get("Error").asText());
    }

    @Test
    void aDocumentTooBigForItsRowPointsToWhereItsResultsAre() throws Exception {
        ObjectNode stored = parse(ResultsDocument.withResultsKeptIn(record("Michael Jordan", REQUEST),
                "service_results", 300_000));
        JsonNode doc = stored.get("serviceResults");
        assertEquals(List.of("UserName", "ServiceRequestDate", "ServiceId", "Bucket", "ResultsStoredIn",
                "ResultsCount"), fieldNames(doc));
        assertEquals("service_results", doc.get("ResultsStoredIn").asText());
        assertEquals(300_000, doc.get("ResultsCount").asInt());
        assertEquals(parse(ResultsDocument.toJson(record("Michael Jordan", REQUEST), List.of()))
                .get("serviceResults").get("ServiceRequestDate"), doc.get("ServiceRequestDate"));
    }

    @Test
    void resultsAreWrittenAsTheSourceHandsThemOn() throws Exception {
        StringWriter out = new StringWriter();
        ResultsDocument.write(record("Michael Jordan", REQUEST), false, out, sink -> EXAMPLE_RESULTS.forEach(sink));
        assertEquals(parse(CONTRACT_EXAMPLE), parse(out.toString()));
    }

    @Test
    void aSourceThatFailsLeavesNothingThatLooksWhole() {
        StringWriter out = new StringWriter();
        SQLException lost = new SQLException("connection lost");
        SQLException thrown = assertThrows(SQLException.class,
                () -> ResultsDocument.write(record("x", REQUEST), true, out, sink -> {
                    EXAMPLE_RESULTS.forEach(sink);
                    throw lost;
                }));
        assertEquals(lost, thrown);
        assertEquals("", out.toString(), "nothing flushed: an answer not yet sent can still become an error");
    }
}
