package com.daynight.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.MalformedURLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may use the service and what they may read (issue 13): AUTH, AUTH_AUDIENCE, AUTH_JWKS_URL, ADMINS,
 * BUCKET_RULES and USER_QUEUE_LIMIT, read once by {@link AppConfig}. BUCKET_RULES stays text here: the
 * auth package parses it (and refuses it with a ConfigException at start when it is malformed).
 *
 * @param jwksUrl null: Google's published key sets, one per token kind
 */
public record AuthSettings(Mode mode, String audience, URL jwksUrl, Set<String> admins, String bucketRules,
                           int userQueueLimit) {

    /** NONE: one person on their own machine (the jar's default); GOOGLE: every user proves who they are. */
    public enum Mode { NONE, GOOGLE }

    public static final int DEFAULT_USER_QUEUE_LIMIT = 100;

    /** The principal of every request with AUTH=none. */
    public static final String LOCAL_PRINCIPAL = "local";

    public AuthSettings {
        admins = Set.copyOf(admins);
    }

    static AuthSettings fromEnvironment(Map<String, String> env, int userQueueLimit) {
        Mode mode = mode(env.getOrDefault("AUTH", "none"));
        String audience = blankToNull(env.get("AUTH_AUDIENCE"));
        if (mode == Mode.GOOGLE && audience == null) {
            throw new ConfigException("AUTH_AUDIENCE is required with AUTH=google: the audience Google's tokens"
                    + " are issued for (IAP: /projects/NUMBER/global/backendServices/ID or /projects/NUMBER/apps/ID;"
                    + " Cloud Run: the service's URL)");
        }
        return new AuthSettings(mode, audience, jwksUrl(blankToNull(env.get("AUTH_JWKS_URL"))),
                principals(env.getOrDefault("ADMINS", "")), env.getOrDefault("BUCKET_RULES", ""), userQueueLimit);
    }

    /** ADMINS: comma-separated principals, compared lower-cased as verified principals are. */
    static Set<String> principals(String value) {
        return Arrays.stream(value.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("AUTH must be 'none' or 'google', got: " + value);
        }
    }

    private static URL jwksUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new ConfigException("AUTH_JWKS_URL must be an http(s) URL, got: " + value);
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new ConfigException("AUTH_JWKS_URL must be an http(s) URL, got: " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
