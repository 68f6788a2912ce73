package com.daynight.classify.jpeg;

import com.daynight.classify.features.FeatureExtractor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What the DC picture should be, computed independently of the decoder's code from ImageIO's full
 * decode: block means over 8x8 pixels, turned as the EXIF orientation says.
 */
final class Reference {

    enum Colours { RGB, CMYK, YCCK }

    private Reference() {
    }

    /**
     * ImageIO's full decode as packed RGB in a TYPE_INT_RGB picture. Grey pictures by their raster
     * samples (getRGB would gamma-convert the linear grey space); CMYK and YCCK through readRaster,
     * which does no colour conversion, and then the inverted-CMYK equations.
     */
    static BufferedImage fullDecode(byte[] jpeg, Colours colours) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            if (colours != Colours.RGB) {
                return fromInvertedCmyk(reader.readRaster(0, null), colours == Colours.YCCK);
            }
            BufferedImage decoded = reader.read(0);
            if (decoded.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                return decoded;
            }
            BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < decoded.getHeight(); y++) {
                for (int x = 0; x < decoded.getWidth(); x++) {
                    int grey = decoded.getRaster().getSample(x, y, 0);
                    rgb.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    static BufferedImage fromInvertedCmyk(Raster raster, boolean ycck) {
        BufferedImage rgb = new BufferedImage(raster.getWidth(), raster.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] p = new int[4];
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, p);
                if (ycck) {
                    int luma = p[0];
                    int cb = p[1];
                    int cr = p[2];
                    p[0] = 255 - clamp(luma + 1.402 * (cr - 128));
                    p[1] = 255 - clamp(luma - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
                    p[2] = 255 - clamp(luma + 1.772 * (cb - 128));
                }
                int r = Math.round(p[0] * p[3] / 255f);
                int g = Math.round(p[1] * p[3] / 255f);
                int b = Math.round(p[2] * p[3] / 255f);
                rgb.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return rgb;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** Plain block means of R, G, B over 8x8 pixels (partial blocks at the edges: the pixels they hold). */
    static BufferedImage smallPicture(BufferedImage full, int orientation) {
        int w = (full.getWidth() + 7) / 8;
        int h = (full.getHeight() + 7) / 8;
        double[][] sums = new double[w * h][4];
        int[] row = new int[full.getWidth()];
        for (int y = 0; y < full.getHeight(); y++) {
            full.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < full.getWidth(); x++) {
                int rgb = row[x];
                double[] s = sums[(y / 8) * w + x / 8];
                s[0] += (rgb >> 16) & 0xFF;
                s[1] += (rgb >> 8) & 0xFF;
                s[2] += rgb & 0xFF;
                s[3]++;
            }
        }
        int[] packed = new int[w * h];
        for (int i = 0; i < packed.length; i++) {
            double[] s = sums[i];
            packed[i] = clamp(s[0] / s[3]) << 16 | clamp(s[1] / s[3]) << 8 | clamp(s[2] / s[3]);
        }
        return oriented(packed, w, h, orientation);
    }

    /** The chroma block size in pixels of a 3-component JPEG: 8 * Hmax / H of the second component (8 x 8 if not subsampled). */
    static int[] chromaBlock(byte[] jpeg) {
        for (int i = 2; i + 18 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) && (jpeg[i + 9] & 0xFF) == 3) {
                int[] h = new int[3];
                int[] v = new int[3];
                for (int c = 0; c < 3; c++) {
                    h[c] = (jpeg[i + 11 + 3 * c] & 0xFF) >> 4;
                    v[c] = jpeg[i + 11 + 3 * c] & 0x0F;
                }
                int maxH = Math.max(h[0], Math.max(h[1], h[2]));
                int maxV = Math.max(v[0], Math.max(v[1], v[2]));
                return new int[] {8 * maxH / h[1], 8 * maxV / v[1]};
            }
        }
        return new int[] {8, 8};
    }

    /**
     * Block means as a DC decoder with replicated chroma sees them, edge padding included: luma Y over
     * the 8x8 block, Cb and Cr over the chroma block holding it ({@code chromaWidth} x
     * {@code chromaHeight} pixels), with coordinates past the picture's edge clamped to it (libjpeg pads
     * partial blocks by replicating the last column and row); then RGB by the JFIF equations.
     */
    static BufferedImage dcModel(BufferedImage full, int orientation, int chromaWidth, int chromaHeight) {
        int fw = full.getWidth();
        int fh = full.getHeight();
        int w = (fw + 7) / 8;
        int h = (fh + 7) / 8;
        int cw = (fw + chromaWidth - 1) / chromaWidth;
        int ch = (fh + chromaHeight - 1) / chromaHeight;
        double[] luma = new double[w * h];
        double[] cb = new double[cw * ch];
        double[] cr = new double[cw * ch];
        int[] row = new int[fw];
        for (int y = 0; y < ch * chromaHeight; y++) {
            if (y < fh) {
                full.getRGB(0, y, fw, 1, row, 0, fw); // below the picture: its last row again
            }
            for (int x = 0; x < cw * chromaWidth; x++) {
                int rgb = row[Math.min(x, fw - 1)];
                double r = (rgb >> 16) & 0xFF;
                double g = (rgb >> 8) & 0xFF;
                double b = rgb & 0xFF;
                if (x < 8 * w && y < 8 * h) {
                    luma[(y / 8) * w + x / 8] += 0.299 * r + 0.587 * g + 0.114 * b;
                }
                int c = (y / chromaHeight) * cw + x / chromaWidth;
                cb[c] += -0.168736 * r - 0.331264 * g + 0.5 * b;
                cr[c] += 0.5 * r - 0.418688 * g - 0.081312 * b;
            }
        }
        int[] packed = new int[w * h];
        double chromaArea = chromaWidth * chromaHeight;
        for (int by = 0; by < h; by++) {
            for (int bx = 0; bx < w; bx++) {
                double y = luma[by * w + bx] / 64;
                int c = (8 * by / chromaHeight) * cw + 8 * bx / chromaWidth;
                double u = cb[c] / chromaArea;
                double v = cr[c] / chromaArea;
                packed[by * w + bx] = clamp(y + 1.402 * v) << 16 | clamp(y - 0.344136 * u - 0.714136 * v) << 8
                        | clamp(y + 1.772 * u);
            }
        }
        return oriented(packed, w, h, orientation);
    }

    /** CMYK and YCCK: the stored channels averaged over 8x8 (edges clamped), then converted. */
    static BufferedImage dcModelCmyk(byte[] jpeg, boolean ycck) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            Raster raster = reader.readRaster(0, null);
            int fw = raster.getWidth();
            int fh = raster.getHeight();
            int w = (fw + 7) / 8;
            int h = (fh + 7) / 8;
            WritableRaster means = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
            int[] p = new int[4];
            for (int by = 0; by < h; by++) {
                for (int bx = 0; bx < w; bx++) {
                    double[] sum = new double[4];
                    for (int dy = 0; dy < 8; dy++) {
                        for (int dx = 0; dx < 8; dx++) {
                            raster.getPixel(raster.getMinX() + Math.min(fw - 1, 8 * bx + dx),
                                    raster.getMinY() + Math.min(fh - 1, 8 * by + dy), p);
                            for (int c = 0; c < 4; c++) {
                                sum[c] += p[c];
                            }
                        }
                    }
                    means.setPixel(bx, by, new int[] {clamp(sum[0] / 64), clamp(sum[1] / 64), clamp(sum[2] / 64),
                        clamp(sum[3] / 64)});
                }
            }
            return fromInvertedCmyk(means, ycck);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage oriented(int[] packed, int w, int h, int orientation) {
        boolean swap = orientation >= 5;
        BufferedImage small = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int oy = 0; oy < small.getHeight(); oy++) {
            for (int ox = 0; ox < small.getWidth(); ox++) {
                // Where the displayed pixel (ox, oy) is stored, per the EXIF 2.3 description of each value.
                int[] at = switch (orientation) {
                    case 2 -> new int[] {w - 1 - ox, oy};
                    case 3 -> new int[] {w - 1 - ox, h - 1 - oy};
                    case 4 -> new int[] {ox, h - 1 - oy};
                    case 5 -> new int[] {oy, ox};
                    case 6 -> new int[] {oy, h - 1 - ox};
                    case 7 -> new int[] {w - 1 - oy, h - 1 - ox};
                    case 8 -> new int[] {w - 1 - oy, ox};
                    default -> new int[] {ox, oy};
                };
                small.setRGB(ox, oy, packed[at[1] * w + at[0]]);
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

    /** The largest difference between two pictures' feature values (each in [-1, 1]). */
    static double featureDistance(BufferedImage a, BufferedImage b) {
        FeatureExtractor extractor = new FeatureExtractor();
        double[] fa = extractor.extract(a);
        double[] fb = extractor.extract(b);
        double distance = 0;
        for (int i = 0; i < fa.length; i++) {
            distance = Math.max(distance, Math.abs(fa[i] - fb[i]));
        }
        return distance;
    }
}
