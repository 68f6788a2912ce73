package com.daynight.classify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.ImageDecoder;
import com.daynight.classify.TestPictures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private final FeatureExtractor extractor = new FeatureExtractor();

    @Test
    void namesOneDistinctAttributePerValue() {
        List<String> names = FeatureExtractor.featureNames();
        assertEquals(names.size(), names.stream().distinct().count());
        assertEquals(names.size(), extractor.extract(TestPictures.uniform(16, 16, Color.GRAY)).length);
    }

    @Test
    void valuesAreSignedSquareRootsOfTheGroups() {
        // Dark blue: the shadows' blue-minus-red is positive, their green-minus-magenta negative.
        Pixels dusk = Pictures.uniform(12, 9, new Color(20, 30, 90));
        double[] values = extractor.extract(dusk);
        List<String> names = FeatureExtractor.featureNames();
        assertEquals(Math.sqrt(70 / 90.0), values[names.indexOf("shadow_blue_minus_red")], 1e-12);
        assertEquals(-Math.sqrt((55 - 30) / 90.0), values[names.indexOf("shadow_green_minus_magenta")], 1e-12);
        assertEquals(1, values[names.indexOf("top_dusk_blue")], 1e-12);
        for (double value : values) {
            assertTrue(value >= -1 && value <= 1, "out of [-1, 1]: " + value);
        }
    }

    @Test
    void theDcPictureOfAJpegGivesTheFeaturesOfItsColours() throws Exception {
        // 64 x 64 sky blue over green: the DC picture is 8 x 8, its top half blue. The edge lies on a
        // 16-row boundary, so subsampled chroma does not blend the two.
        BufferedImage image = TestPictures.uniform(64, 64, new Color(90, 150, 230));
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 40));
        graphics.fillRect(0, 32, 64, 32);
        graphics.dispose();
        BufferedImage small = ImageDecoder.dcOnly().decode(TestPictures.jpeg(image));
        assertEquals(8, small.getWidth());
        double[] values = extractor.extract(small);
        List<String> names = FeatureExtractor.featureNames();
        assertEquals(1, values[names.indexOf("top_blue_sky")], 1e-12);
        assertEquals(Math.sqrt(0.5), values[names.indexOf("hue_green")], 0.05);
    }
}
