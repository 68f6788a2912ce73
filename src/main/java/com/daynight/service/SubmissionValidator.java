package com.daynight.service;

import java.util.regex.Pattern;

/** The rules of a submission's two fields, with messages that name the field and the rule. */
public final class SubmissionValidator {

    public static final String USER_NAME = "userName";
    public static final String BUCKET = "bucket";
    public static final int MAX_USER_NAME = 100;

    private static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern GOOGLE_LIKE = Pattern.compile("g[o0]{2}g[l1]e");

    private SubmissionValidator() {
    }

    public static void validate(String userName, String bucket) {
        validateUserName(userName);
        validateBucket(bucket);
    }

    public static void validateUserName(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new ValidationException(USER_NAME, "userName is required: 1 to 100 characters");
        }
        int length = userName.codePointCount(0, userName.length());
        if (length > MAX_USER_NAME) {
            throw new ValidationException(USER_NAME,
                    "userName is too long: " + length + " characters, at most " + MAX_USER_NAME);
        }
        if (userName.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(USER_NAME, "userName must not contain control characters");
        }
    }

    /** The Google Cloud Storage bucket naming rules. */
    public static void validateBucket(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new ValidationException(BUCKET, "bucket is required: a Google Cloud Storage bucket name");
        }
        String rule = bucketRuleBroken(bucket);
        if (rule != null) {
            throw new ValidationException(BUCKET, "bucket is not a valid Google Cloud Storage bucket name: " + rule);
        }
    }

    private static String bucketRuleBroken(String bucket) {
        if (!BUCKET_CHARS.matcher(bucket).matches()) {
            return "use only lowercase letters, digits, dashes (-), underscores (_) and dots (.)";
        }
        boolean dotted = bucket.contains(".");
        int max = dotted ? 222 : 63;
        if (bucket.length() < 3 || bucket.length() > max) {
            return "3 to 63 characters (up to 222 when it contains dots)";
        }
        if (!Character.isLetterOrDigit(bucket.charAt(0))
                || !Character.isLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
            return "it must start and end with a letter or a digit";
        }
        for (String part : bucket.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 63) {
                return "each dot-separated part must be 1 to 63 characters";
            }
        }
        if (IPV4.matcher(bucket).matches()) {
            return "it must not look like an IP address";
        }
        if (bucket.startsWith("goog") || GOOGLE_LIKE.matcher(bucket).find()) {
            return "it must not start with \"goog\" or contain \"google\"";
        }
        return null;
    }
}
