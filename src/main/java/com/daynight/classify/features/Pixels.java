package com.daynight.classify.features;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A picture as the planes the feature groups read, each 0..255 and computed once per picture:
 * luma Y = 0.2126 R + 0.7152 G + 0.0722 B, value V = max(R, G, B), saturation S = 255 (max - min) / max,
 * and hue in degrees 0..359 (meaningless where S is 0). Row-major, {@code width * height} entries.
 */
public final class Pixels {

    /** Luma in ten-thousandths, so that it is exact integer arithmetic. */
    private static final int RED = 2126;
    private static final int GREEN = 7152;
    private static final int BLUE = 722;

    final int width;
    final int height;
    /** Packed 0xRRGGBB. */
    final int[] rgb;
    final int[] luma;
    final int[] value;
    final int[] saturation;
    final int[] hue;
    /** How many pixels have each luma 0..255. */
    final int[] lumaCounts = new int[256];

    private Pixels(int[] rgb, int width, int height) {
        this.rgb = rgb;
        this.width = width;
        this.height = height;
        int size = width * height;
        luma = new int[size];
        value = new int[size];
        saturation = new int[size];
        hue = new int[size];
    }

    int size() {
        return luma.length;
    }

    /** The end (exclusive, row-major) of the top third of the rows, at least one row: where the sky usually is. */
    int topThirdEnd() {
        return Math.max(1, height / 3) * width;
    }

    public static Pixels of(BufferedImage image) {
        Pixels pixels = new Pixels(packedRgb(image), image.getWidth(), image.getHeight());
        pixels.fill();
        return pixels;
    }

    /** From packed 0xRRGGBB values, row-major. */
    public static Pixels of(int[] rgb, int width, int height) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        Pixels pixels = new Pixels(rgb, width, height);
        pixels.fill();
        return pixels;
    }

    private void fill() {
        for (int i = 0; i < rgb.length; i++) {
            int r = (rgb[i] >> 16) & 0xFF;
            int g = (rgb[i] >> 8) & 0xFF;
            int b = rgb[i] & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            int chroma = max - min;
            luma[i] = (RED * r + GREEN * g + BLUE * b) / 10_000;
            value[i] = max;
            saturation[i] = max == 0 ? 0 : 255 * chroma / max;
            hue[i] = chroma == 0 ? 0 : hue(r, g, b, max, chroma);
            lumaCounts[luma[i]]++;
        }
    }

    private static int hue(int r, int g, int b, int max, int chroma) {
        int degrees;
        if (max == r) {
            degrees = 60 * (g - b) / chroma;
        } else if (max == g) {
            degrees = 120 + 60 * (b - r) / chroma;
        } else {
            degrees = 240 + 60 * (r - g) / chroma;
        }
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /** The pixels as packed 0xRRGGBB, read without colour management (JPEG samples are taken as they are). */
    static int[] packedRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        boolean unshifted = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (image.getType() == BufferedImage.TYPE_INT_RGB && unshifted
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel layout
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getOffset() == 0) {
            // The DC decoder's pictures: read straight from the raster's array.
            int[] data = buffer.getData();
            if (layout.getScanlineStride() == width && data.length == width * height) {
                return data;
            }
            int[] rgb = new int[width * height];
            for (int y = 0; y < height; y++) {
                System.arraycopy(data, y * layout.getScanlineStride(), rgb, y * width, width);
            }
            return rgb;
        }
        if ((image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_BYTE_GRAY)
                && unshifted && raster.getSampleModel() instanceof ComponentSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte) {
            // getRGB would pass a grey picture through a gamma conversion; the samples themselves are wanted.
            return fromSamples(raster, width, height);
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    private static int[] fromSamples(Raster raster, int width, int height) {
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int i = x * bands;
                rgb[y * width + x] = bands == 1
                        ? row[i] * 0x010101
                        : (row[i] << 16) | (row[i + 1] << 8) | row[i + 2];
            }
        }
        return rgb;
    }
}
