package com.daynight.classify.features;

import java.util.List;

/**
 * Small bright spots in darker surroundings (street lamps, lit windows, headlights) and how much local
 * contrast the picture has. Each pixel is compared with the mean of its eight neighbours; at 1/8 scale
 * a lamp covers a pixel or two, so it stands out from its neighbours while a bright sky does not.
 */
final class LightSources implements FeatureGroup {

    /** A light spot: at least this bright and this much brighter than its neighbours' mean. */
    static final int SPOT_MIN_LUMA = 128;
    static final int SPOT_MIN_RISE = 48;
    /** A coloured light: a spot at least this saturated (sodium lamps, neon, lit signs). */
    static final int COLOURED_MIN_SATURATION = 80;
    /** A bright pixel next to a dark one: a light in the night rather than a bright surface in daylight. */
    static final int BRIGHT_LUMA = 192;
    static final int DARK_LUMA = 32;

    private static final List<String> NAMES = List.of(
            "light_spots", "coloured_light_spots", "bright_next_to_dark", "local_contrast");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void extract(Pixels pixels, double[] into, int offset) {
        int width = pixels.width;
        int[] luma = pixels.luma;
        long spots = 0;
        long colouredSpots = 0;
        long brightNextToDark = 0;
        long contrast = 0;
        for (int y = 1; y < pixels.height - 1; y++) {
            for (int x = 1, i = y * width + 1; x < width - 1; x++, i++) {
                int up = i - width;
                int down = i + width;
                int neighbours = luma[up - 1] + luma[up] + luma[up + 1] + luma[i - 1] + luma[i + 1]
                        + luma[down - 1] + luma[down] + luma[down + 1];
                int centre = luma[i];
                int rise = centre - neighbours / 8;
                contrast += Math.abs(rise);
                if (centre >= SPOT_MIN_LUMA && rise >= SPOT_MIN_RISE) {
                    spots++;
                    if (pixels.saturation[i] >= COLOURED_MIN_SATURATION) {
                        colouredSpots++;
                    }
                }
                if (centre >= BRIGHT_LUMA && darkestOf(luma, up, i, down) < DARK_LUMA) {
                    brightNextToDark++;
                }
            }
        }
        double interior = Math.max(1, (double) (width - 2) * (pixels.height - 2));
        into[offset] = spots / interior;
        into[offset + 1] = colouredSpots / interior;
        into[offset + 2] = brightNextToDark / interior;
        into[offset + 3] = contrast / interior / 255;
    }

    private static int darkestOf(int[] luma, int up, int centre, int down) {
        return Math.min(darkestAround(luma, up), Math.min(darkestAround(luma, centre), darkestAround(luma, down)));
    }

    private static int darkestAround(int[] luma, int at) {
        return Math.min(luma[at - 1], Math.min(luma[at], luma[at + 1]));
    }
}
