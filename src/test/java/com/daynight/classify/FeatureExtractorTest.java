package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureExtractorTest {

    private final FeatureExtractor extractor = new FeatureExtractor();

    @Test
    void namesOneAttributePerBin() {
        assertEquals(20, FeatureExtractor.featureCount());
        assertEquals(20, FeatureExtractor.featureNames().size());
        assertEquals(20, FeatureExtractor.featureNames().stream().distinct().count());
    }

    @Test
    void uniformGreyJpegPutsAllMassInItsBin() throws Exception {
        // Y = 134 lies mid-way in bin 10 (128 <= Y < 140.8), away from JPEG rounding at the edges.
        byte[] jpeg = TestPictures.jpeg(TestPictures.uniform(64, 48, new Color(134, 134, 134)));
        double[] histogram = extractor.extract(ImageDecoder.imageIo().decode(jpeg));
        assertEquals(1.0, histogram[10], 1e-9);
        assertEquals(1.0, Arrays.stream(histogram).sum(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB})
    void onlyTheTopThirdCounts(int imageType) {
        double[] histogram = extractor.extract(whiteTopThirdOverBlack(30, 90, imageType));
        double[] expected = new double[20];
        expected[19] = 1.0;
        assertArrayEquals(expected, histogram, 1e-12);
    }

    @Test
    void onlyTheTopThirdCountsAfterJpegRoundTrip() throws Exception {
        // The boundary (row 32) falls on a 16-row block edge, so compression cannot blur it upwards.
        byte[] jpeg = TestPictures.jpeg(whiteTopThirdOverBlack(48, 96, BufferedImage.TYPE_3BYTE_BGR));
        double[] histogram = extractor.extract(ImageDecoder.imageIo().decode(jpeg));
        assertEquals(1.0, histogram[19], 1e-9);
        assertEquals(1.0, Arrays.stream(histogram).sum(), 1e-9);
    }

    @Test
    void packedIntPicturesCountLikeAnyOther() {
        // TYPE_INT_RGB is what the DC decoder returns; its fast path must agree with the generic one.
        BufferedImage ints = new BufferedImage(13, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage generic = new BufferedImage(13, 10, BufferedImage.TYPE_INT_ARGB);
        java.util.Random random = new java.util.Random(4);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 13; x++) {
                int rgb = random.nextInt(1 << 24);
                ints.setRGB(x, y, rgb);
                generic.setRGB(x, y, 0xFF000000 | rgb);
            }
        }
        assertArrayEquals(extractor.extract(generic), extractor.extract(ints), 1e-12);
        assertArrayEquals(extractor.extract(generic), extractor.extract(ints.getSubimage(0, 0, 13, 10)), 1e-12);
    }

    @Test
    void binsFollowTheLuminanceWeights() {
        assertEquals(0, FeatureExtractor.bin(0, 0, 0));
        assertEquals(19, FeatureExtractor.bin(255, 255, 255));
        assertEquals(1, FeatureExtractor.bin(0, 0, 255));   // Y = 18.4
        assertEquals(14, FeatureExtractor.bin(0, 255, 0));  // Y = 182.4
        assertEquals(9, FeatureExtractor.bin(128, 128, 127)); // Y = 127.93, just below bin 10
    }

    @Test
    void aGreyPictureReadsItsSingleBand() {
        BufferedImage grey = new BufferedImage(10, 9, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 255);
        double[] histogram = extractor.extract(grey);
        assertEquals(1.0 / 30, histogram[19], 1e-12);
        assertEquals(29.0 / 30, histogram[0], 1e-12);
    }

    private static BufferedImage whiteTopThirdOverBlack(int width, int height, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height / 3);
        graphics.dispose();
        return image;
    }
}
