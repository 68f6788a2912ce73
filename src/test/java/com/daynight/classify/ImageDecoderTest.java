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
