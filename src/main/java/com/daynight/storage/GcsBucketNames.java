package com.daynight.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/** Google Cloud Storage's bucket naming rules, as its documentation states them. */
public final class GcsBucketNames {

    private static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern GOOGLE_LIKE = Pattern.compile("g[o0]{2}g[l1]e");

    private GcsBucketNames() {
    }

    /** The rule {@code bucket} breaks, in words a user understands, or empty when it is a valid name. */
    public static Optional<String> ruleBroken(String bucket) {
        if (!BUCKET_CHARS.matcher(bucket).matches()) {
            return Optional.of("use only lowercase letters, digits, dashes (-), underscores (_) and dots (.)");
        }
        boolean dotted = bucket.contains(".");
        int max = dotted ? 222 : 63;
        if (bucket.length() < 3 || bucket.length() > max) {
            return Optional.of("3 to 63 characters (up to 222 when it contains dots)");
        }
        if (!Character.isLetterOrDigit(bucket.charAt(0))
                || !Character.isLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
            return Optional.of("it must start and end with a letter or a digit");
        }
        for (String part : bucket.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 63) {
                return Optional.of("each dot-separated part must be 1 to 63 characters");
            }
        }
        if (IPV4.matcher(bucket).matches()) {
            return Optional.of("it must not look like an IP address");
        }
        if (bucket.startsWith("goog") || GOOGLE_LIKE.matcher(bucket).find()) {
            return Optional.of("it must not start with \"goog\" or contain \"google\"");
        }
        return Optional.empty();
    }
}
