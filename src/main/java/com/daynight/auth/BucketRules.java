package com.daynight.auth;

import com.daynight.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BUCKET_RULES: which principal may have which buckets read by the service's account. Syntax
 * {@code alice@example.com=photos-*,cams;@example.com=team-*}: entries separated by ';', each a principal or
 * an {@code @domain} before '=', then comma-separated bucket names, where a trailing '*' matches any rest.
 * Nothing is allowed unless a rule allows it; an empty setting allows nothing. Immutable, thread-safe.
 */
public final class BucketRules {

    private record Rule(String who, List<String> buckets) {
        boolean appliesTo(String principal) {
            return who.startsWith("@") ? principal.endsWith(who) : principal.equals(who);
        }
    }

    private final List<Rule> rules;

    private BucketRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @throws ConfigException when an entry is malformed, naming it */
    public static BucketRules parse(String setting) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw malformed(entry, "no '=' between the principal and its buckets");
            }
            String who = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (who.isEmpty() || who.equals("@") || who.contains("*") || who.indexOf('@', 1) < 0 && !who.startsWith("@")) {
                throw malformed(entry, "before '=' comes an e-mail address or @domain");
            }
            List<String> buckets = new ArrayList<>();
            for (String glob : entry.substring(eq + 1).split(",")) {
                String bucket = glob.trim();
                if (bucket.isEmpty() || bucket.indexOf('*') >= 0 && bucket.indexOf('*') != bucket.length() - 1) {
                    throw malformed(entry, "each bucket is a name, or a name's beginning followed by one '*'");
                }
                buckets.add(bucket);
            }
            rules.add(new Rule(who, buckets));
        }
        return new BucketRules(rules);
    }

    private static ConfigException malformed(String entry, String rule) {
        return new ConfigException("BUCKET_RULES entry '" + entry.trim() + "' is malformed: " + rule
                + " (example: alice@example.com=photos-*,cams;@example.com=team-*)");
    }

    /** Whether a rule names this principal (or its domain) and a glob of it matches the bucket. */
    public boolean allows(String principal, String bucket) {
        if (principal == null || bucket == null) {
            return false;
        }
        String who = principal.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.appliesTo(who) && rule.buckets().stream().anyMatch(glob -> matches(glob, bucket))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String glob, String bucket) {
        return glob.endsWith("*") ? bucket.startsWith(glob.substring(0, glob.length() - 1)) : bucket.equals(glob);
    }
}
