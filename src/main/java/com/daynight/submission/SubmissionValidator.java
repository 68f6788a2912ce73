package com.daynight.submission;

import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a submission's two fields, with messages that name the field as the form does ("your name", "the
 * bucket name") and the rule. JSON answers name the field's key beside the message.
 */
public final class SubmissionValidator {

    public static final String USER_NAME = "userName";
    public static final String BUCKET = "bucket";
    public static final int MAX_USER_NAME = 100;

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private static final String INVISIBLE_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800";

    private SubmissionValidator() {
    }

    public static void validate(String userName, String bucket, Function<String, Optional<String>> bucketNameProblem) {
        validateUserName(userName);
        validateBucket(bucket, bucketNameProblem);
    }

    /**
     * A user name is kept and shown exactly as typed (markup, quotes, SQL, emoji, any script), so only what
     * cannot be shown faithfully is refused: control characters, bidirectional overrides, text that is not
     * valid Unicode or was not valid in the request's charset, and names with nothing visible in them.
     */
    public static void validateUserName(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new ValidationException(USER_NAME, "your name is required: 1 to 100 characters");
        }
        int length = userName.codePointCount(0, userName.length());
        if (length > MAX_USER_NAME) {
            throw new ValidationException(USER_NAME,
                    "your name is too long: " + length + " characters, at most " + MAX_USER_NAME);
        }
        if (userName.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(USER_NAME, "your name must not contain control characters (tabs, line breaks)");
        }
        if (userName.codePoints().anyMatch(SubmissionValidator::isBidiOverride)) {
            throw new ValidationException(USER_NAME, "your name must not contain bidirectional override characters"
                    + " (U+202A to U+202E, U+2066 to U+2069): they make a name show in another order than typed");
        }
        if (userName.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            // What a decoder leaves for bytes that were not text in the request's charset: what was typed is lost.
            throw new ValidationException(USER_NAME, "your name must not contain U+FFFD, the mark of bytes that"
                    + " were not valid text in the request's character set: send it as UTF-8");
        }
        if (hasUnpairedSurrogate(userName)) {
            throw new ValidationException(USER_NAME, "your name must be valid Unicode text: it holds half of a"
                    + " surrogate pair, which cannot be stored as typed");
        }
        if (userName.codePoints().allMatch(SubmissionValidator::isInvisible)) {
            throw new ValidationException(USER_NAME, "your name must contain at least one visible character");
        }
    }

    /**
     * Embeddings, overrides and isolates reorder how the text after them is displayed: U+202E followed by
     * "gpj.exe" shows as "exe.jpg", and an unclosed one reverses what follows it on a page or in a CSV
     * cell. A name written in Hebrew or Arabic never needs them (the bidirectional algorithm orders those
     * scripts by itself), so they are refused. The implicit marks (U+200E, U+200F, U+061C) are kept: they
     * only settle the direction of the neutral characters next to them, cannot turn a name into another
     * one, and mixed-script names use them.
     */
    private static boolean isBidiOverride(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    /**
     * Spaces (no-break ones too), format characters such as the zero-width space and joiner, and the letters
     * that draw nothing (Hangul fillers, the blank braille pattern). Inside a visible name they are kept as
     * typed (emoji sequences and several scripts need the joiners); a name of nothing else shows as blank.
     */
    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT || INVISIBLE_LETTERS.indexOf(codePoint) >= 0;
    }

    /** The rules of the store the bucket is read from: see {@link com.daynight.storage.ImageStore#bucketNameProblem}. */
    public static void validateBucket(String bucket, Function<String, Optional<String>> bucketNameProblem) {
        if (bucket == null || bucket.isEmpty()) {
            throw new ValidationException(BUCKET, "the bucket name is required: the name of a Google Cloud Storage bucket");
        }
        bucketNameProblem.apply(bucket).ifPresent(rule -> {
            throw new ValidationException(BUCKET, "the bucket name is not a valid Google Cloud Storage bucket name: " + rule);
        });
    }
}
