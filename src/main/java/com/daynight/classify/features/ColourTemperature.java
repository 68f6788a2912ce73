package com.daynight.classify.features;

import java.util.List;

/**
 * The tint of the shadows and of the highlights, as opponent colours relative to brightness:
 * blue minus red, and green minus magenta. Night shadows lean blue or neutral, shaded foliage green;
 * daylight highlights are white or blue, artificial lights orange. Also the share of warm bright
 * light (sodium and tungsten lamps).
 */
final class ColourTemperature implements FeatureGroup {

    static final int SHADOW_FROM = 16;
    static final int SHADOW_TO = 96;
    static final int HIGHLIGHT_FROM = 170;
    static final int WARM_HUE_FROM = 15;
    static final int WARM_HUE_TO = 60;
    static final int WARM_MIN_SATURATION = 100;

    private static final List<String> NAMES = List.of(
            "shadow_blue_minus_red", "shadow_green_minus_magenta",
            "highlight_blue_minus_red", "highlight_green_minus_magenta", "warm_lights");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        double[] shadow = new double[3];
        double[] highlight = new double[3];
        long warm = 0;
        for (int i = 0; i < pixels.size(); i++) {
            int value = pixels.value[i];
            if (value >= SHADOW_FROM && value < SHADOW_TO) {
                addTint(shadow, pixels.rgb[i], value);
            } else if (value >= HIGHLIGHT_FROM) {
                addTint(highlight, pixels.rgb[i], value);
                int hue = pixels.hue[i];
                if (pixels.saturation[i] >= WARM_MIN_SATURATION && hue >= WARM_HUE_FROM && hue < WARM_HUE_TO) {
                    warm++;
                }
            }
        }
        into[offset] = mean(shadow, 0);
        into[offset + 1] = mean(shadow, 1);
        into[offset + 2] = mean(highlight, 0);
        into[offset + 3] = mean(highlight, 1);
        into[offset + 4] = (double) warm / pixels.size();
    }

    /** Accumulates (B - R) / V and (G - (R + B) / 2) / V, and the count in the last slot. */
    private static void addTint(double[] sums, int rgb, int value) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        sums[0] += (double) (b - r) / value;
        sums[1] += (g - (r + b) / 2.0) / value;
        sums[2]++;
    }

    private static double mean(double[] sums, int index) {
        return sums[2] == 0 ? 0 : sums[index] / sums[2];
    }
}
