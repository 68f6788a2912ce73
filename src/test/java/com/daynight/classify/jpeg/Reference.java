package com.daynight.classify.jpeg;

import com.daynight.classify.FeatureExtractor;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What the DC picture should be, computed independently of the decoder's code: the full ImageIO
 * decode averaged over 8x8 blocks, then turned as the EXIF orientation says.
 */
final class Reference {

    private Reference() {
    }

    /** The full decode through ImageIO as RGB; CMYK files through readRaster (no colour conversion) and C'K'/255. */
    static BufferedImage fullDecode(byte[] jpeg, boolean cmyk) {
        try {
            if (!cmyk) {
                return ImageIO.read(new ByteArrayInputStream(jpeg));
            }
            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                reader.setInput(in);
                return fromInvertedCmyk(reader.readRaster(0, null));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage fromInvertedCmyk(Raster cmyk) {
        BufferedImage rgb = new BufferedImage(cmyk.getWidth(), cmyk.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] p = new int[4];
        for (int y = 0; y < cmyk.getHeight(); y++) {
            for (int x = 0; x < cmyk.getWidth(); x++) {
                cmyk.getPixel(cmyk.getMinX() + x, cmyk.getMinY() + y, p);
                int r = Math.round(p[0] * p[3] / 255f);
                int g = Math.round(p[1] * p[3] / 255f);
                int b = Math.round(p[2] * p[3] / 255f);
                rgb.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return rgb;
    }

    /** Block means (ceil(w/8) x ceil(h/8)), oriented. */
    static BufferedImage smallPicture(BufferedImage full, int orientation) {
        int w = (full.getWidth() + 7) / 8;
        int h = (full.getHeight() + 7) / 8;
        double[][] sums = new double[w * h][4];
        for (int y = 0; y < full.getHeight(); y++) {
            for (int x = 0; x < full.getWidth(); x++) {
                int rgb = full.getRGB(x, y);
                double[] s = sums[(y / 8) * w + x / 8];
                s[0] += (rgb >> 16) & 0xFF;
                s[1] += (rgb >> 8) & 0xFF;
                s[2] += rgb & 0xFF;
                s[3]++;
            }
        }
        boolean swap = orientation >= 5;
        BufferedImage small = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int oy = 0; oy < small.getHeight(); oy++) {
            for (int ox = 0; ox < small.getWidth(); ox++) {
                // Where the displayed pixel (ox, oy) is stored, per the EXIF 2.3 description of each value.
                int[] stored = switch (orientation) {
                    case 2 -> new int[] {w - 1 - ox, oy};
                    case 3 -> new int[] {w - 1 - ox, h - 1 - oy};
                    case 4 -> new int[] {ox, h - 1 - oy};
                    case 5 -> new int[] {oy, ox};
                    case 6 -> new int[] {oy, h - 1 - ox};
                    case 7 -> new int[] {w - 1 - oy, h - 1 - ox};
                    case 8 -> new int[] {w - 1 - oy, ox};
                    default -> new int[] {ox, oy};
                };
                double[] s = sums[stored[1] * w + stored[0]];
                int r = (int) Math.round(s[0] / s[3]);
                int g = (int) Math.round(s[1] / s[3]);
                int b = (int) Math.round(s[2] / s[3]);
                small.setRGB(ox, oy, r << 16 | g << 8 | b);
            }
        }
        return small;
    }

    /** Mean absolute difference per channel (R, G, B) of two pictures of the same size. */
    static double[] meanAbsoluteError(BufferedImage a, BufferedImage b) {
        double[] sum = new double[3];
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    sum[c] += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        double pixels = (double) a.getWidth() * a.getHeight();
        return new double[] {sum[0] / pixels, sum[1] / pixels, sum[2] / pixels};
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** L1 distance between the feature vectors (histograms summing to 1: 0 = same, 2 = disjoint). */
    static double featureDistance(BufferedImage a, BufferedImage b) {
        FeatureExtractor extractor = new FeatureExtractor();
        double[] fa = extractor.extract(a);
        double[] fb = extractor.extract(b);
        double distance = 0;
        for (int i = 0; i < fa.length; i++) {
            distance += Math.abs(fa[i] - fb[i]);
        }
        return distance;
    }
}
