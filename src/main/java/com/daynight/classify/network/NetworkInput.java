package com.daynight.classify.network;

import java.awt.image.BufferedImage;

/**
 * A picture as the network's input: squashed to {@link SceneNetwork#INPUT_SIZE} pixels square (no crop, as
 * the experiments did), RGB in [0, 1], rows top first (NHWC). Shrinking averages the area each output pixel
 * covers, edge pixels weighted by the fraction covered, so no detail aliases; enlarging (the 1/8 picture of a
 * small photo) interpolates linearly between pixel centres. The resampling is written here because it is two
 * short loops and the JDK's own scaling (Graphics2D, AffineTransformOp) has no area average.
 */
public final class NetworkInput {

    private NetworkInput() {
    }

    public static float[] of(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int size = SceneNetwork.INPUT_SIZE;
        int[] rgb = picture.getRGB(0, 0, width, height, null, 0, width);
        Taps columns = Taps.of(width, size);
        Taps rows = Taps.of(height, size);
        // Columns first: height x size x 3, then rows.
        float[] wide = new float[height * size * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < size; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int t = columns.start[x]; t < columns.start[x + 1]; t++) {
                    int pixel = rgb[y * width + columns.index[t]];
                    float weight = columns.weight[t];
                    r += weight * ((pixel >> 16) & 0xFF);
                    g += weight * ((pixel >> 8) & 0xFF);
                    b += weight * (pixel & 0xFF);
                }
                int at = (y * size + x) * 3;
                wide[at] = r;
                wide[at + 1] = g;
                wide[at + 2] = b;
            }
        }
        float[] out = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int t = rows.start[y]; t < rows.start[y + 1]; t++) {
                float weight = rows.weight[t] / 255f;
                int from = rows.index[t] * size * 3;
                int to = y * size * 3;
                for (int i = 0; i < size * 3; i++) {
                    out[to + i] += weight * wide[from + i];
                }
            }
        }
        return out;
    }

    /** For each output pixel of one axis, the source pixels it reads and their weights (adding up to 1). */
    static final class Taps {
        final int[] start;
        final int[] index;
        final float[] weight;

        private Taps(int[] start, int[] index, float[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        static Taps of(int source, int target) {
            return source >= target ? area(source, target) : linear(source, target);
        }

        private static Taps area(int source, int target) {
            double scale = (double) source / target;
            int[] start = new int[target + 1];
            int[] index = new int[source + 2 * target];
            float[] weight = new float[index.length];
            int n = 0;
            for (int out = 0; out < target; out++) {
                start[out] = n;
                double from = out * scale;
                double to = (out + 1) * scale;
                for (int in = (int) Math.floor(from); in < Math.min(source, Math.ceil(to)); in++) {
                    double covered = Math.min(to, in + 1) - Math.max(from, in);
                    if (covered > 1e-9) {
                        index[n] = in;
                        weight[n++] = (float) (covered / scale);
                    }
                }
            }
            start[target] = n;
            return new Taps(start, index, weight);
        }

        private static Taps linear(int source, int target) {
            double scale = (double) source / target;
            int[] start = new int[target + 1];
            int[] index = new int[2 * target];
            float[] weight = new float[2 * target];
            for (int out = 0; out < target; out++) {
                double centre = Math.min(source - 1, Math.max(0, (out + 0.5) * scale - 0.5));
                int left = (int) Math.floor(centre);
                int right = Math.min(source - 1, left + 1);
                double fraction = centre - left;
                start[out] = 2 * out;
                index[2 * out] = left;
                weight[2 * out] = (float) (1 - fraction);
                index[2 * out + 1] = right;
                weight[2 * out + 1] = (float) fraction;
            }
            start[target] = 2 * target;
            return new Taps(start, index, weight);
        }
    }
}
