package com.daynight.classify;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Full decode with the JDK's ImageIO JPEG reader; a picture above {@code maxDecodedPixels} is read with
 * every n-th pixel of every n-th row, so that what it holds in memory stays under that bound. Stateless,
 * so one instance may serve every thread.
 */
final class ImageIoDecoder implements ImageDecoder {

    static final String NOT_DECODABLE = "not a decodable JPEG";

    private final long maxDecodedPixels;

    ImageIoDecoder(long maxDecodedPixels) {
        this.maxDecodedPixels = maxDecodedPixels;
    }

    @Override
    public BufferedImage decode(byte[] jpeg) throws ImageDecodeException {
        if (jpeg == null || jpeg.length == 0) {
            throw new ImageDecodeException("empty file");
        }
        // Every JPEG starts with the SOI marker; checking it spares ImageIO work on other files.
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new ImageDecodeException("not a JPEG");
        }
        ImageReader reader = jpegReader();
        // A memory-cached stream: ImageIO's default may write a temporary file per picture.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            refuseAbsurdSize(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height, maxDecodedPixels);
            // The reader decodes through a one-row buffer: the picture it returns is all it holds.
            param.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            // ImageIO fills a cut-off picture with grey and only warns; such a picture would be misjudged.
            if (warnings.stream().anyMatch(ImageIoDecoder::meansTruncated)) {
                throw new ImageDecodeException("truncated JPEG");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // The JPEG reader also throws unchecked exceptions on malformed data.
            throw new ImageDecodeException(NOT_DECODABLE, e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jpegReader() throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new ImageDecodeException("no JPEG decoder available");
        }
        return readers.next();
    }

    /** The smallest step that brings the picture read down to {@code maxPixels}. */
    static int subsampling(int width, int height, long maxPixels) {
        int step = Math.max(1, (int) Math.sqrt((double) width * height / maxPixels));
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) > maxPixels) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static void refuseAbsurdSize(int width, int height) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException(NOT_DECODABLE);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageDecodeException(String.format(Locale.ROOT,
                    "picture too large: %dx%d pixels (limit %d megapixels)", width, height, MAX_PIXELS / 1_000_000));
        }
    }

    private static boolean meansTruncated(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("truncated") || text.contains("premature end");
    }
}
