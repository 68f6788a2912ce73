package com.daynight.classify.jpeg;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Decodes a JPEG at 1/8 scale straight from its DC coefficients, without any inverse DCT: each
 * pixel is the mean colour of one 8x8 block of the full picture, and the EXIF orientation is
 * applied. Baseline files are entropy-decoded with the AC coefficients skipped; progressive files
 * are read only up to the end of their DC scans. Variants it does not read (arithmetic coding,
 * 12-bit, lossless, hierarchical) and data it cannot make sense of go to a full decode by a fallback
 * decoder, averaged over the same blocks. Stateless and thread-safe.
 */
public final class DcJpegDecoder implements ImageDecoder {

    /**
     * The fallback's pictures are at most this large (48 MB as ImageIO's 3-byte pixels), so the fallback on
     * an 81-megapixel file with a corrupt scan does not need 243 MB: two workers' fallbacks fit in a 256 MB
     * heap beside the rest. Larger pictures are read subsampled (every step-th pixel, step 3 for 81 MP) and
     * then block-averaged like the others, so their small picture is 1/(8 * step) of the original rather
     * than 1/8. The features that are shares of pixels hardly change with that; the scale-dependent ones
     * (LightSources' spots, sized for 1/8) see a smaller picture. Only fallbacks over 16 MP are affected.
     */
    static final long FALLBACK_PIXELS = 16_000_000L;

    private final ImageDecoder fallback;

    /** Falls back on the JDK's ImageIO reader. */
    public DcJpegDecoder() {
        this(ImageDecoder.imageIo(FALLBACK_PIXELS));
    }

    /** @param fallback full decoder for what the DC path does not read; its pictures are block-averaged here */
    public DcJpegDecoder(ImageDecoder fallback) {
        this.fallback = fallback;
    }

    @Override
    public BufferedImage decode(byte[] jpeg) throws ImageDecodeException {
        if (jpeg == null || jpeg.length == 0) {
            throw new ImageDecodeException("empty file");
        }
        JpegException failure;
        try {
            return decodeDc(jpeg);
        } catch (JpegException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = JpegException.corrupt("unreadable data");
        }
        if (!failure.worthAFullDecode()) {
            throw new ImageDecodeException(failure.getMessage());
        }
        try {
            BufferedImage full = fallback.decode(jpeg);
            int width = (full.getWidth() + 7) / 8;
            int height = (full.getHeight() + 7) / 8;
            return toImage(BlockAverager.average(full), width, height, Orientation.read(jpeg));
        } catch (ImageDecodeException | RuntimeException e) {
            // The DC path's reason is the more specific one ("unsupported JPEG: arithmetic coding").
            throw new ImageDecodeException(failure.getMessage(), e);
        }
    }

    /** The DC path alone, no fallback; package-private for tests that count fallbacks. */
    static BufferedImage decodeDc(byte[] jpeg) throws JpegException {
        Frame frame = JpegParser.parse(jpeg);
        int width = (frame.width + 7) / 8;
        int height = (frame.height + 7) / 8;
        return toImage(ColourConverter.toRgb(frame, width, height), width, height, Orientation.read(jpeg));
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
