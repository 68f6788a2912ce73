package com.daynight.classify.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class NetworkInputTest {

    private static final int S = SceneNetwork.INPUT_SIZE;

    @Test
    void aPlainPictureStaysPlainAtAnySize() {
        for (int[] size : new int[][] {{S, S}, {500, 333}, {63, 94}, {1, 1}, {7, 300}}) {
            float[] input = NetworkInput.of(plain(size[0], size[1], 0x336699));
            assertEquals(S * S * 3, input.length);
            for (int i = 0; i < input.length; i += 3) {
                assertEquals(0x33 / 255f, input[i], 1e-5);
                assertEquals(0x66 / 255f, input[i + 1], 1e-5);
                assertEquals(0x99 / 255f, input[i + 2], 1e-5);
            }
        }
    }

    @Test
    void shrinkingAveragesTheAreaEachPixelCovers() {
        // Two columns, black then white: at half of 2S wide each output pixel sees one colour.
        BufferedImage picture = new BufferedImage(2 * S, 2 * S, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2 * S; y++) {
            for (int x = 0; x < 2 * S; x++) {
                picture.setRGB(x, y, x % 2 == 0 ? 0 : 0xFFFFFF);
            }
        }
        float[] input = NetworkInput.of(picture);
        for (float value : input) {
            assertEquals(0.5f, value, 1e-5);
        }
    }

    @Test
    void keepsTheRowsAndColumnsInPlace() {
        // Top half red, bottom half blue; the left column green.
        BufferedImage picture = new BufferedImage(4 * S, 2 * S, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2 * S; y++) {
            for (int x = 0; x < 4 * S; x++) {
                picture.setRGB(x, y, x < 4 ? 0x00FF00 : y < S ? 0xFF0000 : 0x0000FF);
            }
        }
        float[] input = NetworkInput.of(picture);
        assertArrayEquals(new float[] {1, 0, 0}, pixel(input, 5, 0), 1e-5f);
        assertArrayEquals(new float[] {0, 0, 1}, pixel(input, 5, S - 1), 1e-5f);
        assertArrayEquals(new float[] {0, 1, 0}, pixel(input, 0, 3), 1e-5f);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        BufferedImage picture = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0);
        picture.setRGB(1, 0, 0xFFFFFF);
        float[] input = NetworkInput.of(picture);
        assertEquals(0f, pixel(input, 0, 0)[0], 1e-5);
        assertEquals(1f, pixel(input, S - 1, 0)[0], 1e-5);
        float previous = -1;
        for (int x = 0; x < S; x++) {
            float value = pixel(input, x, 7)[0];
            assertEquals(true, value >= previous, "rises from left to right at column " + x);
            previous = value;
        }
    }

    private static float[] pixel(float[] input, int x, int y) {
        int at = (y * S + x) * 3;
        return new float[] {input[at], input[at + 1], input[at + 2]};
    }

    private static BufferedImage plain(int width, int height, int rgb) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, rgb);
            }
        }
        return picture;
    }
}
