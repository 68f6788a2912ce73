package com.daynight.storage;

import java.util.Comparator;

/**
 * GCS lists object names in lexicographic order of their UTF-8 bytes. Comparing Unicode code points gives the
 * same order; String.compareTo does not, because it compares UTF-16 units and so sorts characters above the
 * surrogate range (U+E000..U+FFFF) after supplementary characters.
 */
final class GcsOrder {

    static final Comparator<String> OF_NAMES = GcsOrder::compareCodePoints;

    private GcsOrder() {
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
