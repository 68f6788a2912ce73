package com.daynight.classify.jpeg;

/** Why the DC decoder could not produce a picture; the message is short and fit for the user. */
public final class JpegException extends Exception {

    enum Kind {
        /** Not a JPEG at all: no other decoder will do better. */
        NOT_JPEG,
        /** The data ends early: a full decoder would fail too. */
        TRUNCATED,
        /** Larger than the decoder's pixel limit: refused before anything is allocated. */
        TOO_LARGE,
        /** A JPEG variant this decoder does not read (arithmetic coding, 12-bit, lossless...). */
        UNSUPPORTED,
        /** Data this decoder cannot make sense of; a full decoder may still recover a picture. */
        CORRUPT,
        /** More work than one picture may cost (too many scans): no decoder should try. */
        TOO_COSTLY,
        /** The decoding thread was interrupted (its time ran out, or the instance is stopping). */
        INTERRUPTED
    }

    private final Kind kind;

    JpegException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** Whether a full decoder (ImageIO, libjpeg) might still succeed where this decoder gave up. */
    public boolean worthAFullDecode() {
        return kind == Kind.UNSUPPORTED || kind == Kind.CORRUPT;
    }

    static JpegException tooManyScans(int scans, int limit) {
        return new JpegException(Kind.TOO_COSTLY, "too many scans: " + scans + " (limit " + limit + ")");
    }

    static JpegException interrupted() {
        return new JpegException(Kind.INTERRUPTED, "decode interrupted");
    }

    static JpegException truncated() {
        return new JpegException(Kind.TRUNCATED, "truncated JPEG");
    }

    static JpegException corrupt(String detail) {
        return new JpegException(Kind.CORRUPT, "corrupt JPEG: " + detail);
    }

    static JpegException unsupported(String what) {
        return new JpegException(Kind.UNSUPPORTED, "unsupported JPEG: " + what);
    }
}
