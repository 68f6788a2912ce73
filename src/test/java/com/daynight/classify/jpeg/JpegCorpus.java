package com.daynight.classify.jpeg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.NodeList;

/** JPEG variants written in memory with the JDK's writer; no picture files live in the repository. */
public final class JpegCorpus {

    static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private JpegCorpus() {
    }

    /** A picture with structure: gradients, shapes, lines and noise. */
    public static BufferedImage picture(int width, int height, int imageType, long seed) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(250, 200, 60)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(Math.max(1, width));
            int y = random.nextInt(Math.max(1, height));
            int size = 4 + random.nextInt(Math.max(1, width / 3));
            if (i % 3 == 0) {
                g.fillOval(x - size / 2, y - size / 2, size, size);
            } else if (i % 3 == 1) {
                g.fillRect(x, y, size, size / 2 + 1);
            } else {
                g.setStroke(new BasicStroke(1 + random.nextInt(4)));
                g.drawLine(x, y, random.nextInt(Math.max(1, width)), random.nextInt(Math.max(1, height)));
            }
        }
        g.dispose();
        WritableRaster raster = image.getRaster();
        int[] pixel = new int[raster.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(x, y, pixel);
                for (int b = 0; b < pixel.length; b++) {
                    pixel[b] = Math.max(0, Math.min(255, pixel[b] + random.nextInt(21) - 10));
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return image;
    }

    /** The picture as inverted CMYK (255 = no ink, as Photoshop stores it): R = C'K'/255 and so on. */
    static WritableRaster invertedCmyk(BufferedImage rgbPicture) {
        int width = rgbPicture.getWidth();
        int height = rgbPicture.getHeight();
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = rgbPicture.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int k = Math.max(r, Math.max(g, b));
                int[] pixel = k == 0 ? new int[] {255, 255, 255, 0}
                        : new int[] {r * 255 / k, g * 255 / k, b * 255 / k, k};
                cmyk.setPixel(x, y, pixel);
            }
        }
        return cmyk;
    }

    /**
     * Inverted CMYK to YCCK as libjpeg's encoder does it (R = 255 - C' and so on, then the JFIF
     * equations; K' unchanged). The JDK's writer stores a raster as it is, even with Adobe transform 2.
     */
    static WritableRaster ycck(WritableRaster invertedCmyk) {
        WritableRaster out = invertedCmyk.createCompatibleWritableRaster();
        int[] p = new int[4];
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                invertedCmyk.getPixel(x, y, p);
                double r = 255 - p[0];
                double g = 255 - p[1];
                double b = 255 - p[2];
                int luma = clamp(0.299 * r + 0.587 * g + 0.114 * b);
                int cb = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
                int cr = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
                out.setPixel(x, y, new int[] {luma, cb, cr, p[3]});
            }
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** How to write: sampling factors of component 0 (the others 1x1), restart interval, progressive. */
    public record Options(int h, int v, int restartInterval, boolean progressive, float quality, int adobeTransform) {
        public static Options plain() {
            return new Options(1, 1, 0, false, 0.9f, -1);
        }

        public Options sampling(int newH, int newV) {
            return new Options(newH, newV, restartInterval, progressive, quality, adobeTransform);
        }

        public Options restart(int interval) {
            return new Options(h, v, interval, progressive, quality, adobeTransform);
        }

        public Options progressively() {
            return new Options(h, v, restartInterval, true, quality, adobeTransform);
        }

        public Options quality(float q) {
            return new Options(h, v, restartInterval, progressive, q, adobeTransform);
        }

        public Options adobe(int transform) {
            return new Options(h, v, restartInterval, progressive, quality, transform);
        }
    }

    public static byte[] write(BufferedImage image, Options options) {
        return write(new IIOImage(image, null, null), new ImageTypeSpecifier(image), options);
    }

    /** A raster without colour model (4 bands: CMYK, or YCCK with Adobe transform 2; 3 bands: RGB with transform 0). */
    static byte[] write(Raster raster, Options options) {
        return write(new IIOImage(raster, null, null), rasterType(raster.getNumBands()), options);
    }

    /** A type whose default metadata has no JFIF segment and an Adobe one: CMYK for 4 bands, RGB for 3. */
    private static ImageTypeSpecifier rasterType(int bands) {
        ColorSpace space = bands == 4 ? new CmykSpace() : ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        int[] offsets = bands == 4 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
        return ImageTypeSpecifier.createInterleaved(space, offsets, DataBuffer.TYPE_BYTE, false, false);
    }

    /** Only its type and component count matter to the writer's default metadata. */
    private static final class CmykSpace extends ColorSpace {
        CmykSpace() {
            super(ColorSpace.TYPE_CMYK, 4);
        }

        @Override
        public float[] toRGB(float[] value) {
            return new float[3];
        }

        @Override
        public float[] fromRGB(float[] rgb) {
            return new float[4];
        }

        @Override
        public float[] toCIEXYZ(float[] value) {
            return new float[3];
        }

        @Override
        public float[] fromCIEXYZ(float[] xyz) {
            return new float[4];
        }
    }

    private static byte[] write(IIOImage picture, ImageTypeSpecifier type, Options options) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(options.quality());
            if (options.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            NodeList specs = root.getElementsByTagName("componentSpec");
            if (specs.getLength() > 1) {
                IIOMetadataNode first = (IIOMetadataNode) specs.item(0);
                first.setAttribute("HsamplingFactor", Integer.toString(options.h()));
                first.setAttribute("VsamplingFactor", Integer.toString(options.v()));
                for (int i = 1; i < specs.getLength(); i++) {
                    ((IIOMetadataNode) specs.item(i)).setAttribute("HsamplingFactor", "1");
                    ((IIOMetadataNode) specs.item(i)).setAttribute("VsamplingFactor", "1");
                }
            }
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            if (options.restartInterval() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(options.restartInterval()));
                markers.insertBefore(dri, markers.getFirstChild());
            }
            if (options.adobeTransform() >= 0) {
                NodeList adobe = root.getElementsByTagName("app14Adobe");
                IIOMetadataNode node = adobe.getLength() > 0 ? (IIOMetadataNode) adobe.item(0) : new IIOMetadataNode("app14Adobe");
                node.setAttribute("transform", Integer.toString(options.adobeTransform()));
                if (adobe.getLength() == 0) {
                    markers.insertBefore(node, markers.getFirstChild());
                }
                NodeList jfif = root.getElementsByTagName("app0JFIF");
                if (jfif.getLength() > 0) {
                    jfif.item(0).getParentNode().removeChild(jfif.item(0));
                }
            }
            metadata.setFromTree(FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                IIOImage withMetadata = picture.hasRaster() ? new IIOImage(picture.getRaster(), null, metadata)
                        : new IIOImage(picture.getRenderedImage(), null, metadata);
                writer.write(null, withMetadata, param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The JPEG with an APP1 Exif segment holding the orientation inserted after SOI; byte order alternates. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        boolean little = orientation % 2 == 1;
        byte[] tiff = new byte[8 + 2 + 12 + 4];
        tiff[0] = tiff[1] = (byte) (little ? 'I' : 'M');
        put16(tiff, 2, 42, little);
        put16(tiff, 4, 8, little); // IFD0 offset, 32 bits: low half then high half in little-endian
        put16(tiff, 10, 0x0112, little);
        put16(tiff, 12, 3, little);
        put16(tiff, little ? 14 : 16, 1, little); // count: 32 bits
        put16(tiff, 18, orientation, little);
        if (!little) {
            tiff[4] = 0;
            tiff[5] = 0;
            tiff[6] = 0;
            tiff[7] = 8;
        }
        tiff[8] = (byte) (little ? 1 : 0);
        tiff[9] = (byte) (little ? 0 : 1);
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void put16(byte[] bytes, int at, int value, boolean little) {
        bytes[at + (little ? 0 : 1)] = (byte) value;
        bytes[at + (little ? 1 : 0)] = (byte) (value >> 8);
    }
}
