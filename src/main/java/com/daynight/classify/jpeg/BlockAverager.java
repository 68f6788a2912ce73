package com.daynight.classify.jpeg;

import java.awt.image.BufferedImage;

/** Means of the 8x8 blocks of a fully decoded picture: the fallback's equivalent of the DC picture. */
final class BlockAverager {

    private BlockAverager() {
    }

    /** Packed RGB, ceil(w/8) x ceil(h/8); partial blocks at the edges average the pixels they hold. */
    static int[] average(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int outWidth = (width + 7) / 8;
        int outHeight = (height + 7) / 8;
        long[] sums = new long[outWidth * 3];
        int[] row = new int[width];
        int[] out = new int[outWidth * outHeight];
        for (int by = 0; by < outHeight; by++) {
            java.util.Arrays.fill(sums, 0);
            int rows = Math.min(8, height - by * 8);
            for (int y = by * 8; y < by * 8 + rows; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int bx = 3 * (x >> 3);
                    int rgb = row[x];
                    sums[bx] += (rgb >> 16) & 0xFF;
                    sums[bx + 1] += (rgb >> 8) & 0xFF;
                    sums[bx + 2] += rgb & 0xFF;
                }
            }
            for (int bx = 0; bx < outWidth; bx++) {
                double count = (double) rows * Math.min(8, width - bx * 8);
                out[by * outWidth + bx] = ColourConverter.pack(sums[3 * bx] / count, sums[3 * bx + 1] / count,
                        sums[3 * bx + 2] / count);
            }
        }
        return out;
    }
}
