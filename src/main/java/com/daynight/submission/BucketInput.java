package com.daynight.submission;

import java.util.Locale;

/**
 * What people type for a bucket, made into its name: surrounding spaces, a {@code gs://} in front (as the
 * console and gsutil write it) and a slash after are dropped. The rest is left to the naming rules, so a
 * folder inside the bucket ({@code gs://b/photos}) is still refused with a message that says why.
 */
public final class BucketInput {

    private static final String SCHEME = "gs://";

    private BucketInput() {
    }

    public static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String name = typed.strip();
        if (name.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            name = name.substring(SCHEME.length());
        }
        if (name.endsWith("/") && name.indexOf('/') == name.length() - 1) {
            name = name.substring(0, name.length() - 1);
        }
        return name.strip();
    }
}
