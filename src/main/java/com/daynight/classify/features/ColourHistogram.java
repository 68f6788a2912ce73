package com.daynight.classify.features;

import java.util.ArrayList;
import java.util.List;

/**
 * A coarse HSV histogram in each horizontal third of the picture (top, middle, bottom): black pixels,
 * then grey, warm (red to yellow), green and blue pixels at three brightness levels. It tells dark
 * green foliage (a shaded day) from orange-lit streets under a black or deep blue sky (night), and
 * where in the picture each colour lies.
 */
final class ColourHistogram implements FeatureGroup {

    static final int BANDS = 3;
    /** Value levels dark, mid, bright start here; below the first a pixel is black whatever its hue. */
    private static final int[] LEVEL_FROM = {40, 100, 170};
    private static final List<String> BAND_NAMES = List.of("top", "middle", "bottom");
    private static final List<String> LEVEL_NAMES = List.of("dark", "mid", "bright");
    private static final List<String> HUE_NAMES = List.of("grey", "warm", "green", "blue");
    static final int CLASSES = 1 + LEVEL_NAMES.size() * HUE_NAMES.size();

    private static final List<String> NAMES = binNames();

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        for (int band = 0; band < BANDS; band++) {
            int from = band * pixels.height / BANDS * pixels.width;
            int to = (band + 1) * pixels.height / BANDS * pixels.width;
            long[] counts = new long[CLASSES];
            for (int i = from; i < to; i++) {
                counts[colourClass(pixels, i)]++;
            }
            // A picture under three rows high leaves a band empty: it then counts as black.
            double total = Math.max(1, to - from);
            counts[0] += to == from ? 1 : 0;
            for (int c = 0; c < CLASSES; c++) {
                into[offset + band * CLASSES + c] = counts[c] / total;
            }
        }
    }

    /** 0 black; otherwise 1 + level * 4 + hue class (grey, warm, green, blue). */
    static int colourClass(Pixels pixels, int i) {
        int value = pixels.value[i];
        if (value < LEVEL_FROM[0]) {
            return 0;
        }
        int level = value < LEVEL_FROM[1] ? 0 : value < LEVEL_FROM[2] ? 1 : 2;
        return 1 + level * HUE_NAMES.size() + hueClass(pixels.saturation[i], pixels.hue[i]);
    }

    private static int hueClass(int saturation, int hue) {
        if (saturation < ColourStatistics.MIN_SATURATION) {
            return 0;
        }
        // Warm hues wrap around red: red to yellow, and from the end of purple on.
        if (hue < ColourStatistics.YELLOW_END || hue >= ColourStatistics.PURPLE_END) {
            return 1;
        }
        return hue < ColourStatistics.GREEN_END ? 2 : 3;
    }

    private static List<String> binNames() {
        List<String> names = new ArrayList<>();
        for (String band : BAND_NAMES) {
            names.add(band + "_black");
            for (String level : LEVEL_NAMES) {
                for (String hue : HUE_NAMES) {
                    names.add(band + "_" + hue + "_" + level);
                }
            }
        }
        return List.copyOf(names);
    }
}
