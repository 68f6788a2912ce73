package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.storage.GcsBucketNames;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

    /** The rules both image stores apply (each store's own test checks that it does). */
    private static final Function<String, Optional<String>> GCS_RULES = GcsBucketNames::ruleBroken;
    private static final String GOOD_BUCKET = "my-photos";
    private static final String GOOD_NAME = "Michael Jordan";
    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

    // ---- userName -----------------------------------------------------------------------------

    static Stream<String> acceptedUserNames() {
        return Stream.of(
                "M",
                GOOD_NAME,
                "a".repeat(100),
                EMOJI.repeat(100),                       // 100 code points, 200 chars
                "\u200Fשלום\u200F",                      // right-to-left marks, Hebrew
                "abc \u200E\u061C",                     // left-to-right mark, Arabic letter mark
                "Ann\u200B",                             // zero-width space inside a visible name
                "\uD83D\uDC69\u200D\uD83D\uDCBB",             // an emoji sequence joined by ZWJ
                "e\u0301",                               // decomposed accent (NFD): kept as typed
                "' OR 1=1; DROP TABLE services;--",
                "\"><img src=x onerror=alert(1)>",
                "<script>alert('x')</script>",           // markup stored as typed
                "O'Brien \"Shaq\" & <b>co</b>",
                "  leading and trailing  ",
                "Zoë Ünïcödé 日本語");
    }

    @ParameterizedTest
    @MethodSource("acceptedUserNames")
    void acceptsUserName(String userName) {
        assertDoesNotThrow(() -> SubmissionValidator.validateUserName(userName));
        assertDoesNotThrow(() -> SubmissionValidator.validate(userName, GOOD_BUCKET, GCS_RULES));
    }

    static Stream<String> refusedUserNames() {
        return Stream.of(
                null,
                "",
                " ",
                "   \u2003  ",
                "a".repeat(101),
                EMOJI.repeat(101),
                "line\nbreak",
                "tab\there",
                "nul\u0000char",
                "del\u007fchar",
                "cr\rhere",
                "\u0085next-line",
                "\n",
                "\u202Eevil\u202C",                      // right-to-left override / pop
                "a\u202Ab",                              // left-to-right embedding
                "\u2067isolate\u2069",                   // right-to-left isolate
                "a\uD800b",                              // unpaired high surrogate
                "\uDC00",                                // unpaired low surrogate
                "Zo\uFFFD",                              // replacement character: bytes lost in decoding
                "\u00A0",                                // no-break space alone
                "\u200B\u200B",                          // zero-width spaces alone
                "\uFEFF",                                // byte order mark alone
                "\u3164",                                // Hangul filler: a letter that draws nothing
                "x".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("refusedUserNames")
    void refusesUserName(String userName) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SubmissionValidator.validate(userName, GOOD_BUCKET, GCS_RULES));
        assertEquals("userName", e.field());
        assertTrue(e.getMessage().contains("your name"), e.getMessage());
        assertFalse(e.getMessage().contains("userName"), "in the user's words: " + e.getMessage());
    }

    @Test
    void refusalsSayWhy() {
        assertTrue(refusal("\u202Eevil").contains("bidirectional override"));
        assertTrue(refusal("a\uD800").contains("valid Unicode"));
        assertTrue(refusal("\u200B").contains("visible character"));
        assertTrue(refusal("x".repeat(10_000)).contains("too long: 10000 characters"));
    }

    private static String refusal(String userName) {
        return assertThrows(ValidationException.class, () -> SubmissionValidator.validateUserName(userName))
                .getMessage();
    }

    @Test
    void userNameLengthCountsCodePoints() {
        // 99 letters + one emoji = 100 code points but 101 chars: accepted
        assertDoesNotThrow(() -> SubmissionValidator.validateUserName("a".repeat(99) + EMOJI));
        // 100 letters + one emoji = 101 code points: refused
        ValidationException e = assertThrows(ValidationException.class,
                () -> SubmissionValidator.validateUserName("a".repeat(100) + EMOJI));
        assertEquals("userName", e.field());
    }

    @Test
    void userNameIsCheckedBeforeBucket() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SubmissionValidator.validate("", "BAD", GCS_RULES));
        assertEquals("userName", e.field());
    }

    // ---- bucket -------------------------------------------------------------------------------

    static Stream<String> acceptedBuckets() {
        return Stream.of(
                "abc",
                "a-b",
                "a_b",
                "my.photos",
                "0bucket9",
                "123",
                "a".repeat(63),
                "a.b.c",
                "1.2.3",                                  // three numbers, not an IPv4 address
                "1.2.3.4.5",
                "v1.2.3.4a",
                "my--bucket__name",
                "go-ogle",
                "gogle",
                "a-goog",                                 // contains goog, but does not start with it
                // 222 chars with dots, each part <= 63
                String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(30)));
    }

    @ParameterizedTest
    @MethodSource("acceptedBuckets")
    void acceptsBucket(String bucket) {
        assertDoesNotThrow(() -> SubmissionValidator.validateBucket(bucket, GCS_RULES));
        assertDoesNotThrow(() -> SubmissionValidator.validate(GOOD_NAME, bucket, GCS_RULES));
    }

    static Stream<Arguments> refusedBuckets() {
        return Stream.of(
                Arguments.of(null, "missing"),
                Arguments.of("", "empty"),
                Arguments.of("ab", "too short"),
                Arguments.of("a", "too short"),
                Arguments.of("a".repeat(64), "64 chars without dots"),
                Arguments.of(String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(31)),
                        "223 chars with dots"),
                Arguments.of("a".repeat(64) + ".b", "dot part longer than 63"),
                Arguments.of("b." + "a".repeat(64), "last dot part longer than 63"),
                Arguments.of("MyBucket", "uppercase"),
                Arguments.of("User_selected_bucket_name", "uppercase (the contract's example name)"),
                Arguments.of("my bucket", "space"),
                Arguments.of("my/bucket", "slash"),
                Arguments.of("my@bucket", "at sign"),
                Arguments.of("bücket", "non-ASCII letter"),
                Arguments.of("bucket\n", "newline"),
                Arguments.of("-bucket", "starts with dash"),
                Arguments.of("bucket-", "ends with dash"),
                Arguments.of("_bucket", "starts with underscore"),
                Arguments.of("bucket_", "ends with underscore"),
                Arguments.of(".bucket", "starts with dot"),
                Arguments.of("bucket.", "ends with dot"),
                Arguments.of("my..bucket", "empty dot part"),
                Arguments.of("192.168.5.4", "IPv4 address"),
                Arguments.of("10.0.0.1", "IPv4 address"),
                Arguments.of("goog", "starts with goog"),
                Arguments.of("googbucket", "starts with goog"),
                Arguments.of("google", "google"),
                Arguments.of("my-google-photos", "contains google"),
                Arguments.of("photos.google.example", "contains google"),
                Arguments.of("g00gle", "g00gle"),
                Arguments.of("my-g00gle-bucket", "contains g00gle"),
                Arguments.of("x' OR 1=1; DROP TABLE services;--", "SQL"),
                Arguments.of("<script>alert(1)</script>", "script"),
                Arguments.of("photos\u202E", "right-to-left override"),
                Arguments.of("pho\u200Btos", "zero-width space"),
                Arguments.of("photos\uD83D\uDE00", "emoji"),
                Arguments.of("   ", "spaces only"),
                Arguments.of("a".repeat(10_000), "10,000 characters"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @MethodSource("refusedBuckets")
    void refusesBucket(String bucket, String why) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SubmissionValidator.validate(GOOD_NAME, bucket, GCS_RULES), why);
        assertEquals("bucket", e.field());
        assertTrue(e.getMessage().contains("bucket"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"AB", "-x-", "goog", "1.1.1.1"})
    void bucketMessageNamesTheRule(String bucket) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SubmissionValidator.validateBucket(bucket, GCS_RULES));
        assertTrue(e.getMessage().startsWith("the bucket name "), e.getMessage());
        assertTrue(e.getMessage().length() > "the bucket name is ".length() + 10, e.getMessage());
    }
}
