package com.daynight.classify.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixelsTest {

    @ParameterizedTest
    @CsvSource({
        // r, g, b, luma, value, saturation, hue
        "0, 0, 0, 0, 0, 0, 0",
        "255, 255, 255, 255, 255, 0, 0",
        "255, 0, 0, 54, 255, 255, 0",
        "0, 255, 0, 182, 255, 255, 120",
        "0, 0, 255, 18, 255, 255, 240",
        "255, 128, 0, 145, 255, 255, 30",
        "100, 50, 200, 71, 200, 191, 260",
        "200, 0, 100, 49, 200, 255, 330",
    })
    void lumaValueSaturationAndHue(int r, int g, int b, int luma, int value, int saturation, int hue) {
        Pixels pixels = Pictures.uniform(1, 1, new Color(r, g, b));
        assertEquals(luma, pixels.luma[0], "luma");
        assertEquals(value, pixels.value[0], "value");
        assertEquals(saturation, pixels.saturation[0], "saturation");
        assertEquals(hue, pixels.hue[0], "hue");
        assertEquals(1, pixels.lumaCounts[luma]);
    }

    @Test
    void everyPictureTypeGivesTheSamePlanes() {
        // TYPE_INT_RGB is what the DC decoder returns, read straight from its array; the others go the general way.
        Random random = new Random(4);
        BufferedImage ints = new BufferedImage(13, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage bytes = new BufferedImage(13, 10, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage argb = new BufferedImage(13, 10, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 13; x++) {
                int rgb = random.nextInt(1 << 24);
                ints.setRGB(x, y, rgb);
                bytes.setRGB(x, y, rgb);
                argb.setRGB(x, y, 0xFF000000 | rgb);
            }
        }
        Pixels expected = Pixels.of(argb);
        for (BufferedImage image : new BufferedImage[] {ints, bytes, ints.getSubimage(0, 0, 13, 10)}) {
            assertSamePlanes(expected, Pixels.of(image));
        }
        assertSamePlanes(Pixels.of(argb.getSubimage(2, 3, 5, 4)), Pixels.of(ints.getSubimage(2, 3, 5, 4)));
    }

    @Test
    void aGreyPictureIsReadFromItsSamplesWithoutGammaConversion() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        grey.getRaster().setSample(1, 0, 0, 200);
        Pixels pixels = Pixels.of(grey);
        assertEquals(100, pixels.luma[0]);
        assertEquals(200, pixels.luma[1]);
    }

    private static void assertSamePlanes(Pixels expected, Pixels actual) {
        assertArrayEquals(expected.luma, actual.luma);
        assertArrayEquals(expected.value, actual.value);
        assertArrayEquals(expected.saturation, actual.saturation);
        assertArrayEquals(expected.hue, actual.hue);
    }
}
