package com.daynight.persistence;

import java.io.Writer;

/**
 * Text kept only while it fits in a statement of at most {@code budget} bytes: each character counted as the
 * UTF-8 bytes it becomes, and one byte more when the driver escapes it inside a quoted string literal
 * (mysql-connector-j sends client-side prepared statements with their parameters inlined and escaped).
 * Past the budget, a write throws {@link Overflow} and the text is dropped, so no more is ever held.
 */
final class BoundedText extends Writer {

    /** The text would not fit in one statement. */
    static final class Overflow extends RuntimeException {
        Overflow(long budget) {
            super("more than " + budget + " bytes", null, false, false);
        }
    }

    private final long budget;
    private StringBuilder text = new StringBuilder();
    private long bytes;

    BoundedText(long budget) {
        this.budget = budget;
    }

    /** The bytes {@code c} takes in a quoted, escaped string literal sent as UTF-8. */
    static int statementBytes(char c) {
        int utf8;
        if (c < 0x80) {
            utf8 = 1;
        } else if (c < 0x800) {
            utf8 = 2;
        } else if (Character.isSurrogate(c)) {
            utf8 = 2; // a pair is 4 bytes
        } else {
            utf8 = 3;
        }
        return isEscaped(c) ? utf8 + 1 : utf8;
    }

    /** What the driver escapes with a backslash (with NO_BACKSLASH_ESCAPES only ' is doubled: fewer bytes). */
    private static boolean isEscaped(char c) {
        return c == '\'' || c == '"' || c == '\\' || c == '\0' || c == '\n' || c == '\r' || c == '\u001a';
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (text == null) {
            throw new Overflow(budget);
        }
        for (int i = offset; i < offset + length; i++) {
            bytes += statementBytes(chars[i]);
        }
        if (bytes > budget) {
            text = null;
            throw new Overflow(budget);
        }
        text.append(chars, offset, length);
    }

    /** The statement bytes written so far. */
    long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        if (text == null) {
            throw new Overflow(budget);
        }
        return text.toString();
    }

    @Override
    public void flush() {
        // nothing buffered here
    }

    @Override
    public void close() {
        // the text stays readable
    }
}
