package com.daynight.classify;

import com.daynight.classify.jpeg.DcJpegDecoder;
import com.daynight.classify.jpeg.JpegException;
import java.awt.image.BufferedImage;

/**
 * The fast decoder: the picture at 1/8 scale from the JPEG's DC coefficients ({@link DcJpegDecoder}),
 * and for what that cannot read (arithmetic coding, 12-bit, lossless, hierarchical, data it cannot make
 * sense of) a full decode by a fallback decoder, averaged over the same blocks. Stateless and thread-safe.
 */
final class DcImageDecoder implements ImageDecoder {

    /**
     * The fallback's pictures are at most this large (48 MB as ImageIO's 3-byte pixels), so the fallback on
     * an 81-megapixel file with a corrupt scan does not need 243 MB: two workers' fallbacks fit in a 256 MB
     * heap beside the rest. Larger pictures are read subsampled (every step-th pixel, step 3 for 81 MP) and
     * then block-averaged like the others, so their small picture is 1/(8 * step) of the original rather
     * than 1/8. The features that are shares of pixels hardly change with that; the scale-dependent ones
     * (LightSources' spots, sized for 1/8) see a smaller picture. Only fallbacks over 16 MP are affected.
     */
    static final long FALLBACK_PIXELS = 16_000_000L;

    private final DcJpegDecoder dc = new DcJpegDecoder(MAX_PIXELS);
    private final ImageDecoder fallback;

    /** @param fallback full decoder for what the DC path does not read; its pictures are block-averaged here */
    DcImageDecoder(ImageDecoder fallback) {
        this.fallback = fallback;
    }

    @Override
    public BufferedImage decode(byte[] jpeg) throws ImageDecodeException {
        if (jpeg == null || jpeg.length == 0) {
            throw new ImageDecodeException("empty file");
        }
        JpegException failure;
        try {
            return dc.decode(jpeg);
        } catch (JpegException e) {
            failure = e;
        }
        if (!failure.worthAFullDecode()) {
            throw new ImageDecodeException(failure.getMessage());
        }
        // The fallback's cost grows with the scans; these limits name themselves rather than the DC path's reason.
        ImageIoDecoder.refuseTooManyScans(jpeg);
        if (Thread.currentThread().isInterrupted()) {
            throw new ImageDecodeException(ImageIoDecoder.INTERRUPTED);
        }
        try {
            return DcJpegDecoder.blockMeans(fallback.decode(jpeg), jpeg);
        } catch (ImageDecodeException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImageDecodeException(ImageIoDecoder.INTERRUPTED, e);
            }
            // The DC path's reason is the more specific one ("unsupported JPEG: arithmetic coding").
            throw new ImageDecodeException(failure.getMessage(), e);
        }
    }
}
