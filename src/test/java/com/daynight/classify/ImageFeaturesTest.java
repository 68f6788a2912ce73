package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.features.FeatureExtractor;
import com.daynight.classify.network.NetworkInput;
import com.daynight.classify.network.SceneNetwork;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageFeaturesTest {

    private static SceneNetwork network;
    private static ImageFeatures features;

    @BeforeAll
    static void load() throws Exception {
        network = SceneNetwork.loadBundled();
        features = ImageFeatures.withNetwork(network);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void theNetworksNumbersFollowTheStatistics() throws Exception {
        byte[] jpeg = TestPictures.jpeg(TestPictures.noisy(640, 480, 120, 7));
        double[] statistics = ImageFeatures.standard().fromJpeg(jpeg);
        double[] all = features.fromJpeg(jpeg);
        assertEquals(109, statistics.length);
        assertEquals(397, all.length);
        assertEquals(features.names().size(), all.length);
        for (int i = 0; i < statistics.length; i++) {
            assertEquals(statistics[i], all[i]);
        }
        // A 640 x 480 photo is 80 x 60 at 1/8: enough pixels, so the network sees that picture.
        float[] scene = network.features(NetworkInput.of(ImageDecoder.dcOnly().decode(jpeg)));
        for (int i = 0; i < scene.length; i++) {
            assertEquals(scene[i], all[109 + i], 1e-6);
        }
    }

    @Test
    void aSmallPictureIsDecodedInFullForTheNetwork() throws Exception {
        // 200 x 120 is 25 x 15 at 1/8: too coarse, so the network gets the full picture.
        BufferedImage picture = TestPictures.noisy(200, 120, 90, 3);
        byte[] jpeg = TestPictures.jpeg(picture);
        double[] all = features.fromJpeg(jpeg);
        BufferedImage full = ImageDecoder.imageIo().decode(jpeg);
        float[] fromFull = network.features(NetworkInput.of(full));
        float[] fromSmall = network.features(NetworkInput.of(ImageDecoder.dcOnly().decode(jpeg)));
        double differenceToFull = 0;
        double differenceToSmall = 0;
        for (int i = 0; i < fromFull.length; i++) {
            differenceToFull += Math.abs(fromFull[i] - all[109 + i]);
            differenceToSmall += Math.abs(fromSmall[i] - all[109 + i]);
        }
        assertEquals(0, differenceToFull, 1e-3);
        assertTrue(differenceToSmall > 0.1, "the 1/8 picture would have given other numbers: " + differenceToSmall);
    }

    @Test
    void namesSayWhichFeatureSetAVectorBelongsTo() {
        assertEquals(FeatureExtractor.featureNames(), ImageFeatures.namesFor(109).orElseThrow());
        assertEquals(ImageFeatures.names(true), ImageFeatures.namesFor(397).orElseThrow());
        assertTrue(ImageFeatures.namesFor(110).isEmpty());
        assertEquals("scene_all_00", ImageFeatures.names(true).get(109));
    }

    @Test
    void withoutANetworkThereIsNoSecondStep() throws Exception {
        ImageFeatures statisticsOnly = ImageFeatures.standard();
        ImageFeatures.Statistics statistics = statisticsOnly.statistics(TestPictures.brightJpeg(1));
        assertThrows(IllegalStateException.class, () -> statisticsOnly.withScene(statistics));
        assertArrayEquals(statistics.values(), statisticsOnly.fromJpeg(TestPictures.brightJpeg(1)));
    }

    @Test
    void aPlainPictureGivesFiniteNumbers() throws Exception {
        double[] all = features.fromJpeg(TestPictures.jpeg(TestPictures.uniform(300, 300, Color.BLACK)));
        for (double value : all) {
            assertTrue(Double.isFinite(value));
        }
    }
}
