package com.daynight.classify;

import com.daynight.classify.jpeg.JpegScans;
import java.awt.image.BufferedImage;
import java.io.InterruptedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStreamImpl;
import javax.imageio.stream.ImageInputStream;

/**
 * Full decode with the JDK's ImageIO JPEG reader; a picture above {@code maxDecodedPixels} is read with
 * every n-th pixel of every n-th row, so that what it holds in memory stays under that bound. Stateless,
 * so one instance may serve every thread.
 */
final class ImageIoDecoder implements ImageDecoder {

    static final String NOT_DECODABLE = "not a decodable JPEG";
    static final String INTERRUPTED = "decode interrupted";

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
        refuseTooManyScans(jpeg);
        ImageReader reader = jpegReader();
        // Straight from memory (ImageIO's default may write a temporary file per picture), and interruptible: the
        // native decoder asks for input as it goes, so an interrupted thread stops it within a buffer or so.
        try (ImageInputStream input = new InterruptibleByteStream(jpeg)) {
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
            reader.addIIOReadProgressListener(new AbortWhenInterrupted());
            BufferedImage image = reader.read(0, param);
            if (Thread.currentThread().isInterrupted()) {
                throw new ImageDecodeException(INTERRUPTED); // aborted: the picture is incomplete
            }
            // ImageIO fills a cut-off picture with grey and only warns; such a picture would be misjudged.
            if (warnings.stream().anyMatch(ImageIoDecoder::meansTruncated)) {
                throw new ImageDecodeException("truncated JPEG");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImageDecodeException(INTERRUPTED, e);
            }
            // The JPEG reader also throws unchecked exceptions on malformed data.
            throw new ImageDecodeException(NOT_DECODABLE, e);
        } finally {
            reader.dispose();
        }
    }

    /** Refuses a file with more scans than {@link JpegScans#MAX_SCANS}: each scan is a pass over the picture. */
    static void refuseTooManyScans(byte[] jpeg) throws ImageDecodeException {
        int scans = JpegScans.count(jpeg);
        if (scans > JpegScans.MAX_SCANS) {
            throw new ImageDecodeException("too many scans: " + scans + " (limit " + JpegScans.MAX_SCANS + ")");
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

    /** The file's bytes as ImageIO's input; every read fails once the thread is interrupted. */
    private static final class InterruptibleByteStream extends ImageInputStreamImpl {
        private final byte[] data;

        InterruptibleByteStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            checkInterrupt();
            bitOffset = 0;
            return streamPos < data.length ? data[(int) streamPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkInterrupt();
            bitOffset = 0;
            if (length == 0) {
                return 0;
            }
            if (streamPos >= data.length) {
                return -1;
            }
            int n = (int) Math.min(length, data.length - streamPos);
            System.arraycopy(data, (int) streamPos, buffer, offset, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return data.length;
        }

        private static void checkInterrupt() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException(INTERRUPTED);
            }
        }
    }

    /** Aborts the read at its next progress report once the thread is interrupted (the rows' output phase). */
    private static final class AbortWhenInterrupted implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
