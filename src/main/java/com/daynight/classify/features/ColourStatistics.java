package com.daynight.classify.features;

import java.util.List;

/**
 * Colour in HSV over the whole picture: mean and spread of saturation, mean value, and the share of
 * clearly coloured pixels in six hue sectors. Daylight gives green vegetation and blue sky; artificial
 * light gives orange sodium lamps and deep blue or purple dusk.
 */
final class ColourStatistics implements FeatureGroup {

    /** Below these, hue is noise: greys and near-black pixels have no meaningful colour. */
    static final int MIN_SATURATION = 64;
    static final int MIN_VALUE = 48;
    /** Ends of the yellow, green and purple sectors, in degrees; {@link ColourHistogram} bins hues at them too. */
    static final int YELLOW_END = 75;
    static final int GREEN_END = 165;
    static final int PURPLE_END = 330;
    /** Sector upper bounds in degrees: red, orange, yellow, green, cyan, blue, purple; red wraps past 330. */
    private static final int[] SECTOR_ENDS = {15, 45, YELLOW_END, GREEN_END, 195, 255, PURPLE_END};
    private static final List<String> SECTORS = List.of(
            "hue_red", "hue_orange", "hue_yellow", "hue_green", "hue_cyan", "hue_blue", "hue_purple");

    private static final List<String> NAMES = FeatureNames.of(
            List.of("saturation_mean", "saturation_std", "value_mean"), SECTORS);

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int size = pixels.size();
        double saturationSum = 0;
        double saturationSquares = 0;
        double valueSum = 0;
        long[] sectors = new long[SECTOR_ENDS.length];
        for (int i = 0; i < size; i++) {
            int saturation = pixels.saturation[i];
            saturationSum += saturation;
            saturationSquares += (double) saturation * saturation;
            valueSum += pixels.value[i];
            if (saturation >= MIN_SATURATION && pixels.value[i] >= MIN_VALUE) {
                sectors[sector(pixels.hue[i])]++;
            }
        }
        double meanSaturation = saturationSum / size;
        into[offset] = meanSaturation / 255;
        into[offset + 1] = Math.sqrt(Math.max(0, saturationSquares / size - meanSaturation * meanSaturation)) / 255;
        into[offset + 2] = valueSum / size / 255;
        for (int s = 0; s < sectors.length; s++) {
            into[offset + 3 + s] = (double) sectors[s] / size;
        }
    }

    static int sector(int hue) {
        for (int s = 0; s < SECTOR_ENDS.length; s++) {
            if (hue < SECTOR_ENDS[s]) {
                return s;
            }
        }
        return 0;
    }
}
