package com.daynight.classify.features;

import java.util.List;

/**
 * What the top third of the picture looks like, where the sky usually is: shares of blue daytime sky,
 * bright grey overcast sky, dark (night) sky and deep blue dusk sky, and the top third's mean luma
 * against the rest of the picture's.
 */
final class SkyEvidence implements FeatureGroup {

    static final int BLUE_HUE_FROM = 190;
    static final int BLUE_HUE_TO = 260;
    static final int DAY_SKY_MIN_VALUE = 110;
    static final int BLUE_MIN_SATURATION = 40;
    static final int GREY_MAX_SATURATION = 40;
    static final int GREY_SKY_MIN_VALUE = 150;
    static final int DARK_MAX_VALUE = 40;

    private static final List<String> NAMES = List.of(
            "top_blue_sky", "top_grey_sky", "top_dark", "top_dusk_blue", "top_minus_rest_luma");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int topEnd = pixels.topThirdEnd();
        long blueSky = 0;
        long greySky = 0;
        long dark = 0;
        long duskBlue = 0;
        long topLuma = 0;
        for (int i = 0; i < topEnd; i++) {
            int value = pixels.value[i];
            int saturation = pixels.saturation[i];
            boolean blue = saturation >= BLUE_MIN_SATURATION
                    && pixels.hue[i] >= BLUE_HUE_FROM && pixels.hue[i] < BLUE_HUE_TO;
            if (blue && value >= DAY_SKY_MIN_VALUE) {
                blueSky++;
            } else if (blue && value > DARK_MAX_VALUE) {
                duskBlue++;
            }
            if (saturation < GREY_MAX_SATURATION && value >= GREY_SKY_MIN_VALUE) {
                greySky++;
            }
            if (value <= DARK_MAX_VALUE) {
                dark++;
            }
            topLuma += pixels.luma[i];
        }
        long allLuma = 0;
        for (int luma = 0; luma < 256; luma++) {
            allLuma += (long) pixels.lumaCounts[luma] * luma;
        }
        int restPixels = pixels.size() - topEnd;
        double topMean = (double) topLuma / topEnd;
        double restMean = restPixels == 0 ? topMean : (double) (allLuma - topLuma) / restPixels;
        double top = topEnd;
        into[offset] = blueSky / top;
        into[offset + 1] = greySky / top;
        into[offset + 2] = dark / top;
        into[offset + 3] = duskBlue / top;
        into[offset + 4] = (topMean - restMean) / 255;
    }
}
