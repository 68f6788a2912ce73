package com.daynight.classify.jpeg;

/**
 * Turns a frame's DC planes into packed RGB pixels, one per 8x8 block of the full picture. Chroma
 * planes with lower sampling factors are upsampled by replication. Colour spaces as libjpeg infers
 * them: 1 component grey; 3 components YCbCr (JFIF equations) unless, without a JFIF segment, Adobe
 * transform 0 or component ids 'R','G','B' say RGB; 4 components CMYK, or YCCK with Adobe transform 2, stored inverted as
 * Photoshop writes them.
 */
final class ColourConverter {

    private ColourConverter() {
    }

    static int[] toRgb(Frame frame, int width, int height) {
        Component[] cs = frame.components;
        int[] rgb = new int[width * height];
        int[][] columns = new int[cs.length][width];
        for (int i = 0; i < cs.length; i++) {
            for (int x = 0; x < width; x++) {
                columns[i][x] = Math.min(cs[i].planeWide - 1, x * cs[i].h / frame.maxH);
            }
        }
        // As libjpeg decides: a JFIF segment means YCbCr, then Adobe's transform, then the component ids.
        boolean rgbStored = cs.length == 3 && !frame.jfif && (frame.adobeTransform == 0
                || (frame.adobeTransform < 0 && cs[0].id == 'R' && cs[1].id == 'G' && cs[2].id == 'B'));
        boolean ycck = cs.length == 4 && frame.adobeTransform == 2;
        // Each component's samples along the current output row, recomputed only when its plane row changes
        // (subsampled chroma serves two or more output rows).
        double[][] samples = new double[cs.length][width];
        int[] cachedRow = new int[cs.length];
        java.util.Arrays.fill(cachedRow, -1);
        double[] pixel = new double[cs.length];
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < cs.length; i++) {
                int row = Math.min(cs[i].planeHigh - 1, y * cs[i].v / frame.maxV);
                if (row != cachedRow[i]) {
                    cachedRow[i] = row;
                    Component c = cs[i];
                    double[] line = samples[i];
                    int[] column = columns[i];
                    for (int x = 0; x < width; x++) {
                        line[x] = c.mean(column[x], row);
                    }
                }
            }
            int at = y * width;
            if (cs.length == 1) {
                double[] grey = samples[0];
                for (int x = 0; x < width; x++) {
                    int g = channel(grey[x]);
                    rgb[at + x] = g << 16 | g << 8 | g;
                }
            } else if (cs.length == 3) {
                double[] s0 = samples[0];
                double[] s1 = samples[1];
                double[] s2 = samples[2];
                if (rgbStored) {
                    for (int x = 0; x < width; x++) {
                        rgb[at + x] = pack(s0[x], s1[x], s2[x]);
                    }
                } else {
                    for (int x = 0; x < width; x++) {
                        rgb[at + x] = fromYcc(s0[x], s1[x], s2[x]);
                    }
                }
            } else {
                for (int x = 0; x < width; x++) {
                    for (int i = 0; i < cs.length; i++) {
                        pixel[i] = samples[i][x];
                    }
                    rgb[at + x] = fromCmyk(pixel, ycck);
                }
            }
        }
        return rgb;
    }

    private static int fromYcc(double y, double cb, double cr) {
        return pack(y + 1.402 * (cr - 128), y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128),
                y + 1.772 * (cb - 128));
    }

    /** Inverted CMYK (255 = no ink): R = C' K' / 255. For YCCK the YCC part converts to 255 - C'. */
    private static int fromCmyk(double[] sample, boolean ycck) {
        double c = sample[0];
        double m = sample[1];
        double ye = sample[2];
        if (ycck) {
            double r = clamp(sample[0] + 1.402 * (sample[2] - 128));
            double g = clamp(sample[0] - 0.344136 * (sample[1] - 128) - 0.714136 * (sample[2] - 128));
            double b = clamp(sample[0] + 1.772 * (sample[1] - 128));
            c = 255 - r;
            m = 255 - g;
            ye = 255 - b;
        }
        double k = sample[3] / 255.0;
        return pack(c * k, m * k, ye * k);
    }

    private static double clamp(double value) {
        return value < 0 ? 0 : Math.min(255, value);
    }

    static int pack(double r, double g, double b) {
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double value) {
        long rounded = Math.round(value);
        return (int) (rounded < 0 ? 0 : Math.min(255, rounded));
    }
}
