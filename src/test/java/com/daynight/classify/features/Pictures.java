package com.daynight.classify.features;

import java.awt.Color;
import java.util.Arrays;

/** Small synthetic pictures with known answers, as the DC decoder would hand them over. */
final class Pictures {

    private Pictures() {
    }

    static Pixels uniform(int width, int height, Color colour) {
        int[] rgb = new int[width * height];
        Arrays.fill(rgb, colour.getRGB() & 0xFFFFFF);
        return Pixels.of(rgb, width, height);
    }

    /** The top {@code topRows} rows in one colour, the rest in another. */
    static Pixels split(int width, int height, int topRows, Color top, Color bottom) {
        int[] rgb = new int[width * height];
        Arrays.fill(rgb, 0, topRows * width, top.getRGB() & 0xFFFFFF);
        Arrays.fill(rgb, topRows * width, rgb.length, bottom.getRGB() & 0xFFFFFF);
        return Pixels.of(rgb, width, height);
    }

    /** Black, with single pixels of the given colour at (x, y) pairs. */
    static Pixels blackWithDots(int width, int height, Color dot, int... xy) {
        int[] rgb = new int[width * height];
        for (int i = 0; i < xy.length; i += 2) {
            rgb[xy[i + 1] * width + xy[i]] = dot.getRGB() & 0xFFFFFF;
        }
        return Pixels.of(rgb, width, height);
    }

    /** The values a group writes, by attribute name. */
    static java.util.Map<String, Double> extract(FeatureGroup group, Pixels pixels) {
        double[] values = new double[group.names().size() + 2];
        Arrays.fill(values, Double.NaN);
        group.extract(pixels, values, 1);
        if (!Double.isNaN(values[0]) || !Double.isNaN(values[values.length - 1])) {
            throw new AssertionError("the group wrote outside its slots");
        }
        java.util.Map<String, Double> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < group.names().size(); i++) {
            byName.put(group.names().get(i), values[i + 1]);
        }
        return byName;
    }
}
