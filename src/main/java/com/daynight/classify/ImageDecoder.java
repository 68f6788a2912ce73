package com.daynight.classify;

import java.awt.image.BufferedImage;

/**
 * Turns JPEG bytes into pixels. An interface so that a faster decoder (DC coefficients only) can
 * replace the ImageIO one without touching the feature or model code.
 */
public interface ImageDecoder {

    /** Pictures above this size are refused before any pixel is decoded, so one upload cannot exhaust memory. */
    long MAX_PIXELS = 100_000_000L;

    /**
     * @throws ImageDecodeException with a short message fit for the user when the bytes are not a
     *         readable JPEG or the picture is larger than {@link #MAX_PIXELS}
     */
    BufferedImage decode(byte[] jpeg) throws ImageDecodeException;

    /** ImageIO's full decode, every pixel (up to {@link #MAX_PIXELS}). */
    static ImageDecoder imageIo() {
        return new ImageIoDecoder(MAX_PIXELS);
    }

    /**
     * ImageIO's decode holding at most {@code maxDecodedPixels}: a larger picture comes back subsampled
     * (every n-th pixel of every n-th row), which keeps a full decode's memory bounded.
     */
    static ImageDecoder imageIo(long maxDecodedPixels) {
        return new ImageIoDecoder(maxDecodedPixels);
    }

    /**
     * The fast decoder: the picture at 1/8 scale from the JPEG's DC coefficients (each pixel the mean
     * of an 8x8 block), EXIF orientation applied; falls back on ImageIO for variants it does not read.
     */
    static ImageDecoder dcOnly() {
        return new DcImageDecoder(imageIo(DcImageDecoder.FALLBACK_PIXELS));
    }
}
