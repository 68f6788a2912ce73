package com.daynight.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's promise that submissions carrying the same key are one submission (the {@code Idempotency-Key}
 * header, or the token the form carries). Stored only as a hash of the key with its scope.
 */
public final class IdempotencyKey {

    /** The header's name; its error messages name it too. */
    public static final String HEADER = "Idempotency-Key";
    /** The form's hidden field, made afresh for each rendering of the form. */
    public static final String FORM_FIELD = "idempotencyKey";
    /** Room for a UUID or any token a client makes; the rule is Stripe's and the IETF draft's. */
    private static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** Null for an absent key; a refusal naming the header for one that is empty, too long or not plain text. */
    public static String validated(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new ValidationException(HEADER, "the " + HEADER + " must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters (a UUID, say)");
        }
        return key;
    }

    /**
     * The key in its scope: the same key from another principal, under another user name or for another bucket
     * is another key, so a key can neither find nor block someone else's service.
     */
    public static String scopedHash(String key, String principal, String userName, String bucket) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {principal, userName, bucket, key}) {
                // Length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike; absent is length -1.
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                int length = part == null ? -1 : bytes.length;
                sha256.update(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
