package com.daynight.classify.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Decodes a JPEG at 1/8 scale straight from its DC coefficients, without any inverse DCT: each
 * pixel is the mean colour of one 8x8 block of the full picture, and the EXIF orientation is
 * applied. Baseline files are entropy-decoded with the AC coefficients skipped; progressive files
 * are read only up to the end of their DC scans. Variants it does not read (arithmetic coding,
 * 12-bit, lossless, hierarchical) and data it cannot make sense of are refused with a
 * {@link JpegException} that says whether a full decoder is worth trying; {@link #blockMeans} turns such
 * a decoder's picture into the same 1/8 picture.
 * Immutable and thread-safe; it depends on the JDK alone.
 */
public final class DcJpegDecoder {

    private final long maxPixels;

    /** @param maxPixels larger pictures are refused from their frame header, before any pixel is decoded */
    public DcJpegDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The 1/8 picture, as {@code TYPE_INT_RGB}. */
    public BufferedImage decode(byte[] jpeg) throws JpegException {
        try {
            Frame frame = JpegParser.parse(jpeg, maxPixels);
            int width = (frame.width + 7) / 8;
            int height = (frame.height + 7) / 8;
            return toImage(ColourConverter.toRgb(frame, width, height), width, height, Orientation.read(jpeg));
        } catch (RuntimeException e) {
            // Reads are bounds-checked where it matters; anything missed is still corrupt data, for the caller to
            // handle as such rather than as a bug of its own.
            throw JpegException.corrupt("unreadable data");
        }
    }

    /**
     * What {@link #decode} would give, made from another decoder's full picture of the same file: the
     * means of its 8x8 blocks, turned by the file's EXIF orientation (the full picture is taken as unturned).
     */
    public static BufferedImage blockMeans(BufferedImage full, byte[] jpeg) {
        int width = (full.getWidth() + 7) / 8;
        int height = (full.getHeight() + 7) / 8;
        return toImage(BlockAverager.average(full), width, height, Orientation.read(jpeg));
    }

    /** Another decoder's full picture of the same file, turned by the file's EXIF orientation. */
    public static BufferedImage oriented(BufferedImage full, byte[] jpeg) {
        int width = full.getWidth();
        int height = full.getHeight();
        return toImage(full.getRGB(0, 0, width, height, null, 0, width), width, height, Orientation.read(jpeg));
    }

    private static BufferedImage toImage(int[] rgb, int width, int height, int orientation) {
        int[] shown = Orientation.apply(rgb, width, height, orientation);
        boolean swap = Orientation.transposes(orientation);
        int outWidth = swap ? height : width;
        int outHeight = swap ? width : height;
        BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        // Straight into the raster's array: setRGB would convert every pixel through the colour model.
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(shown, 0, target, 0, shown.length);
        return image;
    }
}
