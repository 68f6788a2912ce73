package com.daynight.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which an image name and an error text are stored in service_results (TEXT columns, see
 * db/V4__result_text_lengths.sql), so that no name or message a bucket can produce fails the write:
 * <ul>
 *   <li>text that is not valid Unicode (a lone surrogate, as a name with a byte that is not UTF-8 may become)
 *       has each bad character replaced by U+FFFD, which utf8mb4 stores;</li>
 *   <li>text longer than its limit keeps its first characters, then {@value #MARKER} and the first 16 hex
 *       digits of the SHA-256 of the whole text (as UTF-8), so two long names that share their beginning
 *       still differ, and the whole name can be matched against the stored one by recomputing it.</li>
 * </ul>
 * Text within its limit and valid is stored whole, character for character.
 */
public final class ResultText {

    /** Image names up to this many characters (GCS allows 1,024 bytes) are stored whole. */
    public static final int MAX_IMAGE_CHARS = 4_096;
    /** Error texts up to this many characters are stored whole. */
    public static final int MAX_ERROR_CHARS = 2_000;
    /** Put between the kept beginning and the hash of a shortened text. */
    public static final String MARKER = "…#";
    private static final int HASH_HEX_DIGITS = 16;
    /** The last resort for a name the database still refuses (see ResultsTable): ASCII only, this short. */
    static final int SAFE_ASCII_CHARS = 200;

    private ResultText() {
    }

    /** The image name as stored. */
    public static String image(String name) {
        return bounded(name, MAX_IMAGE_CHARS);
    }

    /** The error text as stored. */
    public static String error(String text) {
        return bounded(text, MAX_ERROR_CHARS);
    }

    /**
     * {@code text} made valid and at most {@code maxChars} UTF-16 characters long, a pair never cut in two.
     */
    static String bounded(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String valid = wellFormed(text);
        if (valid.length() <= maxChars) {
            return valid;
        }
        String suffix = MARKER + hash(valid);
        int keep = maxChars - suffix.length();
        if (Character.isHighSurrogate(valid.charAt(keep - 1))) {
            keep--;
        }
        return valid.substring(0, keep) + suffix;
    }

    /**
     * A last-resort form of a name: printable ASCII only (anything else as {@code ?}), short, with the hash
     * of the whole. Used only when the database refused even the bounded form.
     */
    static String safeAscii(String text) {
        String valid = wellFormed(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < valid.length() && out.length() < SAFE_ASCII_CHARS; i++) {
            char c = valid.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out + MARKER + hash(valid);
    }

    /** Lone surrogates (not valid Unicode, refused by utf8mb4) replaced by U+FFFD. */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
