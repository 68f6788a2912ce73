package com.daynight.classify;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The specification's features: a normalised 20-bin histogram of the luminance
 * Y = 0.2126 R + 0.7152 G + 0.0722 B (0..255) of the top third of the picture, where the sky usually is.
 * Stateless and thread-safe.
 */
public final class FeatureExtractor {

    public static final int BINS = 20;
    /** Luminance in ten-thousandths, so that binning is exact integer arithmetic: 0 .. 2,550,000. */
    private static final int RED = 2126;
    private static final int GREEN = 7152;
    private static final int BLUE = 722;
    private static final int SCALED_BIN_WIDTH = 256 * 10_000 / BINS;
    private static final List<String> NAMES = IntStream.range(0, BINS)
            .mapToObj(bin -> String.format(Locale.ROOT, "luma_bin_%02d", bin))
            .toList();

    public static int featureCount() {
        return BINS;
    }

    /** Attribute names in the order of {@link #extract}'s values. */
    public static List<String> featureNames() {
        return NAMES;
    }

    /** The histogram of rows 0 .. height/3 (exclusive; at least one row), summing to 1. */
    public double[] extract(BufferedImage image) {
        int width = image.getWidth();
        int rows = Math.max(1, image.getHeight() / 3);
        long[] counts;
        if (isUnshiftedBgrBytes(image)) {
            counts = countFromBgrBytes(image.getRaster(), width, rows);
        } else if (isUnshiftedIntRgb(image)) {
            counts = countFromIntRgb(image.getRaster(), width, rows);
        } else if (hasPlainSamples(image)) {
            counts = countFromRaster(image.getRaster(), width, rows);
        } else {
            counts = countFromRgb(image, width, rows);
        }
        double total = (double) width * rows;
        double[] histogram = new double[BINS];
        for (int bin = 0; bin < BINS; bin++) {
            histogram[bin] = counts[bin] / total;
        }
        return histogram;
    }

    /** What ImageIO's JPEG reader returns for colour pictures; read straight from the byte array, the fastest way. */
    private static boolean isUnshiftedBgrBytes(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && raster.getSampleModel() instanceof ComponentSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    }

    private static long[] countFromBgrBytes(Raster raster, int width, int rows) {
        ComponentSampleModel layout = (ComponentSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] bandOffsets = layout.getBandOffsets(); // bands are R, G, B whatever the byte order
        int pixelStride = layout.getPixelStride();
        long[] counts = new long[BINS];
        for (int y = 0; y < rows; y++) {
            int start = y * layout.getScanlineStride();
            int end = start + width * pixelStride;
            for (int i = start; i < end; i += pixelStride) {
                counts[bin(data[i + bandOffsets[0]] & 0xFF, data[i + bandOffsets[1]] & 0xFF,
                        data[i + bandOffsets[2]] & 0xFF)]++;
            }
        }
        return counts;
    }

    /** What the DC decoder returns (the 1/8-scale picture): packed 0xRRGGBB ints, read straight from the array. */
    private static boolean isUnshiftedIntRgb(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getType() == BufferedImage.TYPE_INT_RGB
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    }

    private static long[] countFromIntRgb(Raster raster, int width, int rows) {
        int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
        long[] counts = new long[BINS];
        for (int y = 0; y < rows; y++) {
            for (int i = y * stride, end = i + width; i < end; i++) {
                int rgb = data[i];
                counts[bin((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)]++;
            }
        }
        return counts;
    }

    /** Types whose raster bands are R, G, B (or one grey band) as 0..255 values; what JPEG readers produce. */
    private static boolean hasPlainSamples(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
                    BufferedImage.TYPE_BYTE_GRAY -> true;
            default -> false;
        };
    }

    private static long[] countFromRaster(Raster raster, int width, int rows) {
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        long[] counts = new long[BINS];
        for (int y = 0; y < rows; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int i = 0; i < row.length; i += bands) {
                counts[bands == 1 ? bin(row[i], row[i], row[i]) : bin(row[i], row[i + 1], row[i + 2])]++;
            }
        }
        return counts;
    }

    private static long[] countFromRgb(BufferedImage image, int width, int rows) {
        int[] row = new int[width];
        long[] counts = new long[BINS];
        for (int y = 0; y < rows; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                counts[bin((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)]++;
            }
        }
        return counts;
    }

    /** The histogram bin of a pixel's luminance: bin k holds 12.8 k <= Y < 12.8 (k + 1). */
    static int bin(int red, int green, int blue) {
        return Math.min(BINS - 1, (RED * red + GREEN * green + BLUE * blue) / SCALED_BIN_WIDTH);
    }
}
