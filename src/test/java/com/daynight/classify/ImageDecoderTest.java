package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = ImageDecoder.imageIo();

    @Test
    void decodesAJpeg() throws Exception {
        BufferedImage image = decoder.decode(TestPictures.jpeg(TestPictures.uniform(40, 30, Color.ORANGE)));
        assertEquals(40, image.getWidth());
        assertEquals(30, image.getHeight());
    }

    @Test
    void aPictureAboveTheBoundIsReadSubsampled() throws Exception {
        byte[] jpeg = TestPictures.jpeg(TestPictures.uniform(100, 60, Color.ORANGE));
        BufferedImage image = ImageDecoder.imageIo(1_000).decode(jpeg);
        assertEquals(34, image.getWidth(), "every 3rd pixel of every 3rd row: 34 x 20, under 1,000 pixels");
        assertEquals(20, image.getHeight());
        Color middle = new Color(image.getRGB(17, 10));
        assertTrue(Math.abs(middle.getRed() - 255) < 8 && Math.abs(middle.getGreen() - 200) < 8, middle.toString());
    }

    @Test
    void theSubsamplingStepIsTheSmallestThatFits() {
        assertEquals(1, ImageIoDecoder.subsampling(4000, 4000, 16_000_000));
        assertEquals(2, ImageIoDecoder.subsampling(4001, 4000, 16_000_000));
        assertEquals(3, ImageIoDecoder.subsampling(9000, 9000, 16_000_000), "4500 x 4500 is still too many");
        assertEquals(3, ImageIoDecoder.subsampling(100, 60, 1_000));
        assertEquals(25, ImageIoDecoder.subsampling(65535, 1, 2_700));
    }

    @Test
    void refusesZeroBytes() {
        assertRefused(new byte[0]);
    }

    @Test
    void refusesRandomBytes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        assertRefused(bytes);
    }

    @Test
    void refusesRandomBytesBehindAJpegMarker() {
        byte[] bytes = new byte[4096];
        new Random(8).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        assertRefused(bytes);
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestPictures.jpeg(TestPictures.noisy(64, 64, 120, 1));
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2));
    }

    @Test
    void refusesAPng() {
        assertRefused(TestPictures.png(TestPictures.uniform(16, 16, Color.BLUE)));
    }

    @Test
    void refusesAbsurdSizesBeforeDecoding() {
        byte[] jpeg = TestPictures.jpeg(TestPictures.uniform(16, 16, Color.GRAY));
        int frame = startOfFrame(jpeg);
        // 20000 x 20000 pixels in the frame header: 400 megapixels.
        jpeg[frame + 5] = 0x4E;
        jpeg[frame + 6] = 0x20;
        jpeg[frame + 7] = 0x4E;
        jpeg[frame + 8] = 0x20;
        ImageDecodeException refused = assertRefused(jpeg);
        assertTrue(refused.getMessage().contains("too large"), refused.getMessage());
    }

    private ImageDecodeException assertRefused(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ImageDecodeException.class, () -> decoder.decode(bytes)));
    }

    private static int startOfFrame(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no baseline frame header");
    }
}
