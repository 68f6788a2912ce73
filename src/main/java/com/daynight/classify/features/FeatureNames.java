package com.daynight.classify.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Helpers for the groups' attribute names, so that every name is spelt in one way. */
final class FeatureNames {

    private FeatureNames() {
    }

    /** {@code prefix_0 .. prefix_(count-1)}. */
    static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "_" + i).toList();
    }

    /** {@code prefix_r0c0 .. prefix_r(rows-1)c(columns-1)}, row by row. */
    static List<String> grid(String prefix, int rows, int columns) {
        List<String> names = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                names.add(String.format(Locale.ROOT, "%s_r%dc%d", prefix, row, column));
            }
        }
        return List.copyOf(names);
    }

    @SafeVarargs
    static List<String> of(List<String>... parts) {
        List<String> names = new ArrayList<>();
        for (List<String> part : parts) {
            names.addAll(part);
        }
        return List.copyOf(names);
    }
}
