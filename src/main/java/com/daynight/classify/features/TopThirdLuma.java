package com.daynight.classify.features;

import java.util.List;

/**
 * The first model's evidence, kept: a 10-bin histogram of the luma of the top third, where a webcam's
 * sky is. It separates fixed outdoor cameras' frames well, including flood-lit squares at night
 * whose lower part is as bright as by day.
 */
final class TopThirdLuma implements FeatureGroup {

    static final int BINS = 10;
    private static final List<String> NAMES = FeatureNames.numbered("top_luma_hist", BINS);

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int topEnd = pixels.topThirdEnd();
        long[] counts = new long[BINS];
        for (int i = 0; i < topEnd; i++) {
            counts[pixels.luma[i] * BINS / 256]++;
        }
        for (int bin = 0; bin < BINS; bin++) {
            into[offset + bin] = (double) counts[bin] / topEnd;
        }
    }
}
