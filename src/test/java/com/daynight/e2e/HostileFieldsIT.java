package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User names, bucket names and object names carrying SQL, markup, control and bidirectional characters,
 * invisible characters, emoji and 10,000 characters, through the real jar and database: each is refused
 * with a 400 that names the field and says why, or kept byte for byte in the database and shown exactly as
 * typed, escaped on the pages and intact in JSON and CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFieldsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMOJI = "\uD83D\uDE00";

    private TestDatabase db;
    private RunningJar service;
    private ServiceClient client;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path buckets = work.resolve("buckets");
        Path picture = AmosBucket.pictures("night").get(0);
        Files.createDirectories(buckets.resolve("holiday"));
        Files.copy(picture, buckets.resolve("holiday").resolve("one.jpg"));
        Path names = Files.createDirectories(buckets.resolve("odd-names"));
        for (String name : HOSTILE_OBJECT_NAMES) {
            Path file = names.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(picture, file);
        }
        db = TestDatabase.create();
        service = RunningJar.start("hostile-fields", RunningJar.envWithDatabase(db,
                "BUCKETS_DIR", buckets.toString(), "WORKERS", "1"));
        client = new ServiceClient(service);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    // --- user names kept as typed

    static Stream<Arguments> keptUserNames() {
        return Stream.of(
                Arguments.of("SQL", "' OR 1=1; DROP TABLE services;--"),
                Arguments.of("script", "<script>alert(1)</script>"),
                Arguments.of("attribute break-out", "\"><img src=x onerror=alert(1)>"),
                Arguments.of("quotes and ampersand", "O'Brien & \"Shaq\" &amp;"),
                Arguments.of("JSON and backslashes", "back\\slash {\"a\": 1} \\u0041"),
                Arguments.of("CSV formula", "=HYPERLINK(\"http://evil.example\",\"x\")"),
                Arguments.of("percent and plus", "100% + a+b &x=y"),
                Arguments.of("right-to-left marks", "\u200F\u05e9\u05dc\u05d5\u05dd\u200F abc"),
                Arguments.of("zero-width space and joiner", "Ann\u200B\u200D"),
                Arguments.of("emoji, 4-byte UTF-8", "\uD83C\uDF19 night owl " + EMOJI),
                Arguments.of("100 emoji", EMOJI.repeat(100)),
                Arguments.of("decomposed accent", "Zoe\u0308 Ze\u0301"),
                Arguments.of("leading and trailing spaces", "  Ann  "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptUserNames")
    void keptByteForByteAndShownAsTyped(String what, String userName) throws Exception {
        for (String id : List.of(submitForm(userName, "holiday"), submitJson(userName, "holiday"))) {
            assertEquals(hex(userName), storedUserNameHex(id), what + ": the database holds the bytes typed");
            JsonNode document = client.document(id).get("serviceResults");
            assertEquals(userName, document.get("UserName").asText(), what + ": intact in JSON");
            assertShownEscaped(client.get("/services/" + id, "text/html").body(), userName);

            String listQuery = "/services?userName=" + URLEncoder.encode(userName, StandardCharsets.UTF_8);
            JsonNode list = JSON.readTree(client.get(listQuery + "&format=json", "*/*").body());
            assertTrue(list.findValuesAsText("ServiceId").contains(id), what + ": listed under the name: " + list);
            assertShownEscaped(client.get(listQuery, "text/html").body(), userName);
        }
    }

    /** The page shows the escaped name and never the raw markup. */
    private static void assertShownEscaped(String page, String userName) {
        assertTrue(page.contains(escaped(userName)), "escaped " + userName + " in:\n" + page);
        if (!escaped(userName).equals(userName)) {
            assertFalse(page.contains(userName), "raw " + userName + " in:\n" + page);
        }
    }

    // --- user names refused

    static Stream<Arguments> refusedUserNames() {
        return Stream.of(
                Arguments.of("empty", "", "your name is required"),
                Arguments.of("spaces", "   ", "your name is required"),
                Arguments.of("no-break space", "\u00A0", "at least one visible character"),
                Arguments.of("zero-width characters only", "\u200B\u200D\uFEFF", "at least one visible character"),
                Arguments.of("newline", "Ann\nBob", "must not contain control characters"),
                Arguments.of("NUL", "Ann\u0000", "must not contain control characters"),
                Arguments.of("terminal escape", "\u001B[31mred", "must not contain control characters"),
                Arguments.of("right-to-left override", "\u202Egpj.exe", "bidirectional override"),
                Arguments.of("right-to-left isolate", "\u2067Ann\u2069", "bidirectional override"),
                Arguments.of("10,000 characters", "x".repeat(10_000), "too long: 10000 characters, at most 100"),
                Arguments.of("101 emoji", EMOJI.repeat(101), "too long: 101 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUserNames")
    void userNameRefusedWithTheReason(String what, String userName, String reason) throws Exception {
        assertRefused(userName, "holiday", "userName", reason);
    }

    @Test
    void halfASurrogatePairIsRefused() throws Exception {
        int before = rowCount();
        HttpResponse<String> answer = client.post("application/json", "application/json",
                "{\"userName\": \"Ann\\ud800\", \"bucket\": \"holiday\"}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(JSON.readTree(answer.body()).get("error").asText().contains("valid Unicode"), answer.body());
        assertEquals(before, rowCount());
    }

    @Test
    void aFormInItsDeclaredCharsetIsReadInIt() throws Exception {
        HttpResponse<String> answer = client.post("application/x-www-form-urlencoded; charset=ISO-8859-1", "*/*",
                "userName=Zo%E9+%D8re&bucket=holiday");
        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals(hex("Zo\u00e9 \u00d8re"), storedUserNameHex(answer.body().strip()));
    }

    @Test
    void bytesThatAreNotTextInTheCharsetAreRefusedNotReplaced() throws Exception {
        int before = rowCount();
        HttpResponse<String> answer = client.post("application/x-www-form-urlencoded", "*/*",
                "userName=Ann%FF%FE&bucket=holiday");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("your name must not contain U+FFFD"), answer.body());
        assertEquals(before, rowCount());
    }

    // --- bucket names: the GCS naming rules refuse every payload

    static Stream<Arguments> refusedBuckets() {
        return Stream.of(
                Arguments.of("SQL", "x' OR 1=1; DROP TABLE services;--"),
                Arguments.of("script", "<script>alert(1)</script>"),
                Arguments.of("attribute break-out", "\"><img src=x onerror=alert(1)>"),
                Arguments.of("path traversal", "../../etc"),
                Arguments.of("control character", "holiday\r\nSet-Cookie: x=y"),
                Arguments.of("right-to-left override", "holiday\u202E"),
                Arguments.of("zero-width space", "holi\u200Bday"),
                Arguments.of("emoji", "holiday" + EMOJI),
                Arguments.of("10,000 characters", "a".repeat(10_000)),
                Arguments.of("spaces", "   "),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBuckets")
    void bucketRefusedWithTheReason(String what, String bucket) throws Exception {
        assertRefused("Ann", bucket, "bucket", "the bucket name is");
    }

    private void assertRefused(String userName, String bucket, String field, String reason) throws Exception {
        int before = rowCount();
        HttpResponse<String> plain = client.post("application/x-www-form-urlencoded", "*/*", form(userName, bucket));
        assertEquals(400, plain.statusCode(), plain.body());
        String fieldInWords = field.equals("bucket") ? "the bucket name " : "your name ";
        assertTrue(plain.body().startsWith(fieldInWords) && plain.body().contains(reason), plain.body());
        assertTrue(plain.body().length() < 300, "the answer does not repeat a long input: " + plain.body().length());

        HttpResponse<String> json = client.post("application/json", "application/json", jsonBody(userName, bucket));
        assertEquals(400, json.statusCode(), json.body());
        JsonNode problem = JSON.readTree(json.body());
        assertEquals(field, problem.get("field").asText());
        assertTrue(problem.get("error").asText().contains(reason), json.body());

        HttpResponse<String> page = client.post("application/x-www-form-urlencoded", "text/html",
                form(userName, bucket));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("id=\"" + field + "-error\""), page.body());
        assertFalse(page.body().contains("<script>alert") || page.body().contains("<img src=x"), page.body());
        assertEquals(before, rowCount(), "nothing stored for a refused submission");
    }

    // --- lookups by user name

    @Test
    void aUserNameLookupMatchesExactlyAndRunsNoSql() throws Exception {
        String plain = submitForm("Bob", "holiday");
        String padded = submitForm("Bob  ", "holiday");
        String sql = submitForm("Bob' OR '1'='1", "holiday");
        assertEquals(List.of(plain), listed("Bob"));
        assertEquals(List.of(padded), listed("Bob  "), "trailing spaces are part of the name");
        assertEquals(List.of(sql), listed("Bob' OR '1'='1"));
        assertEquals(List.of(), listed("' OR 1=1;--"));
        assertEquals(200, client.get("/services/" + plain + "?format=json", "*/*").statusCode(), "table intact");
    }

    private List<String> listed(String userName) throws Exception {
        HttpResponse<String> answer = client.get("/services?format=json&userName="
                + URLEncoder.encode(userName, StandardCharsets.UTF_8), "*/*");
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).findValuesAsText("ServiceId");
    }

    // --- object names from the bucket

    static final List<String> HOSTILE_OBJECT_NAMES = List.of(
            "<script>alert(1)<\\script>.jpg",
            "\"><img src=x onerror=alert(1)>.jpg",
            "=HYPERLINK(\"evil.example\",\"x\").jpg",
            "+cmd.jpg",
            "' OR 1=1; DROP TABLE service_results;--.jpg",
            "comma, \"quote\" and 'apostrophe'.jpg",
            "\uD83C\uDF19 moon " + EMOJI + ".jpg",
            "\u202Egpj.exe.jpg",
            "zero\u200Bwidth.jpg",
            "sub dir/deeper/x.jpg");

    @Test
    void objectNamesComeBackIntactInJsonAndCsvAndEscapedOnThePage() throws Exception {
        String id = submitForm("Ann", "odd-names");
        JsonNode document = client.awaitDone(id, Duration.ofMinutes(2)).get("serviceResults");
        assertEquals("finished", document.get("Status").asText());
        List<String> images = document.get("Results").findValuesAsText("image");
        assertEquals(HOSTILE_OBJECT_NAMES.stream().sorted().toList(), images.stream().sorted().toList());

        List<String> csvImages = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(client.get("/services/" + id + "?format=csv", "*/*").body())) {
            rows.forEachRemaining(row -> csvImages.add(row.get("image")));
        }
        List<String> expectedCsv = images.stream()
                .map(name -> "=+-@".indexOf(name.charAt(0)) >= 0 ? "'" + name : name) // formulas shown as text
                .toList();
        assertEquals(expectedCsv, csvImages);

        String page = client.get("/services/" + id, "text/html").body();
        for (String name : HOSTILE_OBJECT_NAMES) {
            assertShownEscaped(page, name);
        }
    }

    // --- helpers

    private String submitForm(String userName, String bucket) throws Exception {
        return client.submitForm(form(userName, bucket));
    }

    private String submitJson(String userName, String bucket) throws Exception {
        return client.submitJson(jsonBody(userName, bucket));
    }

    private static String form(String userName, String bucket) {
        return "userName=" + URLEncoder.encode(userName, StandardCharsets.UTF_8)
                + "&bucket=" + URLEncoder.encode(bucket, StandardCharsets.UTF_8);
    }

    private static String jsonBody(String userName, String bucket) throws Exception {
        return JSON.writeValueAsString(Map.of("userName", userName, "bucket", bucket));
    }

    /** What JSTL's c:out makes of text. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#039;").replace("\"", "&#034;");
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private String storedUserNameHex(String id) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT HEX(UserName) FROM services WHERE ServiceID = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "row for " + id);
                return row.getString(1);
            }
        }
    }

    private int rowCount() throws Exception {
        return Integer.parseInt(db.query("SELECT COUNT(*) FROM services"));
    }
}
