package com.daynight.classify.features;

import java.util.List;

/**
 * Mean luma and mean saturation in each cell of a 3x3 grid: where the light is. A day picture is
 * usually brightest at the top (sky); a night picture is dark at the top with lit streets or
 * buildings below.
 */
final class SpatialGrid implements FeatureGroup {

    static final int ROWS = 3;
    static final int COLUMNS = 3;
    private static final List<String> NAMES = FeatureNames.of(
            FeatureNames.grid("luma", ROWS, COLUMNS), FeatureNames.grid("saturation", ROWS, COLUMNS));

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int cells = ROWS * COLUMNS;
        long[] luma = new long[cells];
        long[] saturation = new long[cells];
        long[] counts = new long[cells];
        for (int y = 0; y < pixels.height; y++) {
            int rowBase = Math.min(ROWS - 1, y * ROWS / pixels.height) * COLUMNS;
            for (int x = 0, i = y * pixels.width; x < pixels.width; x++, i++) {
                int cell = rowBase + Math.min(COLUMNS - 1, x * COLUMNS / pixels.width);
                luma[cell] += pixels.luma[i];
                saturation[cell] += pixels.saturation[i];
                counts[cell]++;
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            // A picture narrower than the grid leaves cells empty: they read as black and grey.
            double count = Math.max(1, counts[cell]) * 255.0;
            into[offset + cell] = luma[cell] / count;
            into[offset + cells + cell] = saturation[cell] / count;
        }
    }
}
