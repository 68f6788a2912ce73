package com.daynight.classify.features;

import java.util.List;

/**
 * The shape of the whole picture's brightness: mean, spread and percentiles of the luma, the shares of
 * very dark and very bright pixels, and a coarse histogram. Night pictures pile up at the dark end
 * even when lights make their mean high; day pictures rarely have large black areas.
 */
final class BrightnessShape implements FeatureGroup {

    private static final int HISTOGRAM_BINS = 8;
    private static final int[] DARK_BELOW = {16, 32, 64};
    private static final int[] BRIGHT_FROM = {192, 240};
    private static final double[] PERCENTILES = {0.1, 0.5, 0.9};

    private static final List<String> NAMES = FeatureNames.of(
            List.of("luma_mean", "luma_std", "luma_p10", "luma_p50", "luma_p90",
                    "dark_below_16", "dark_below_32", "dark_below_64", "bright_from_192", "bright_from_240"),
            FeatureNames.numbered("luma_hist", HISTOGRAM_BINS));

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int[] counts = pixels.lumaCounts;
        double total = pixels.size();
        double sum = 0;
        double squares = 0;
        for (int luma = 0; luma < 256; luma++) {
            sum += (double) counts[luma] * luma;
            squares += (double) counts[luma] * luma * luma;
        }
        double mean = sum / total;
        int at = offset;
        into[at++] = mean / 255;
        into[at++] = Math.sqrt(Math.max(0, squares / total - mean * mean)) / 255;
        for (double percentile : PERCENTILES) {
            into[at++] = percentile(counts, percentile * total) / 255.0;
        }
        for (int limit : DARK_BELOW) {
            into[at++] = countBetween(counts, 0, limit) / total;
        }
        for (int limit : BRIGHT_FROM) {
            into[at++] = countBetween(counts, limit, 256) / total;
        }
        int binWidth = 256 / HISTOGRAM_BINS;
        for (int bin = 0; bin < HISTOGRAM_BINS; bin++) {
            into[at++] = countBetween(counts, bin * binWidth, (bin + 1) * binWidth) / total;
        }
    }

    /** The smallest luma with at least {@code rank} pixels at or below it. */
    private static int percentile(int[] counts, double rank) {
        long seen = 0;
        for (int luma = 0; luma < 256; luma++) {
            seen += counts[luma];
            if (seen >= rank) {
                return luma;
            }
        }
        return 255;
    }

    private static long countBetween(int[] counts, int from, int to) {
        long count = 0;
        for (int luma = from; luma < to; luma++) {
            count += counts[luma];
        }
        return count;
    }
}
