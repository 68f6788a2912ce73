package com.daynight.classify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each feature group on synthetic pictures whose answers are known by construction. */
class FeatureGroupsTest {

    private static final double EXACT = 1e-12;
    private static final Color MID_GREY = new Color(128, 128, 128);
    private static final Color SKY_BLUE = new Color(90, 150, 230);
    private static final Color GRASS_GREEN = new Color(40, 120, 40);
    private static final Color DUSK_BLUE = new Color(20, 30, 90);

    @Test
    void uniformGreyHasItsBrightnessEverywhereAndNoColour() {
        Pixels grey = Pictures.uniform(30, 30, MID_GREY);
        double level = 128 / 255.0;
        Map<String, Double> brightness = Pictures.extract(new BrightnessShape(), grey);
        assertEquals(level, brightness.get("luma_mean"), EXACT);
        assertEquals(0, brightness.get("luma_std"), EXACT);
        assertEquals(level, brightness.get("luma_p10"), EXACT);
        assertEquals(level, brightness.get("luma_p90"), EXACT);
        assertEquals(0, brightness.get("dark_below_64"), EXACT);
        assertEquals(0, brightness.get("bright_from_192"), EXACT);
        assertEquals(1, brightness.get("luma_hist_4"), EXACT);

        Map<String, Double> colour = Pictures.extract(new ColourStatistics(), grey);
        assertEquals(0, colour.get("saturation_mean"), EXACT);
        assertEquals(level, colour.get("value_mean"), EXACT);
        assertEquals(0, colour.get("hue_blue") + colour.get("hue_green") + colour.get("hue_orange"), EXACT);

        Map<String, Double> histogram = Pictures.extract(new ColourHistogram(), grey);
        for (String band : new String[] {"top", "middle", "bottom"}) {
            assertEquals(1, histogram.get(band + "_grey_mid"), EXACT, band);
        }
        Map<String, Double> grid = Pictures.extract(new SpatialGrid(), grey);
        assertEquals(level, grid.get("luma_r0c0"), EXACT);
        assertEquals(level, grid.get("luma_r2c2"), EXACT);
        assertEquals(0, grid.get("saturation_r1c1"), EXACT);

        Map<String, Double> lights = Pictures.extract(new LightSources(), grey);
        assertEquals(0, lights.get("light_spots"), EXACT);
        assertEquals(0, lights.get("local_contrast"), EXACT);
        Map<String, Double> sky = Pictures.extract(new SkyEvidence(), grey);
        assertEquals(0, sky.get("top_minus_rest_luma"), EXACT);
        assertEquals(0, sky.get("top_blue_sky") + sky.get("top_dark") + sky.get("top_dusk_blue"), EXACT);
    }

    @Test
    void blueTopHalfOverGrassReadsAsBlueSkyAboveGreen() {
        Pixels picture = Pictures.split(30, 30, 15, SKY_BLUE, GRASS_GREEN);

        Map<String, Double> sky = Pictures.extract(new SkyEvidence(), picture);
        assertEquals(1, sky.get("top_blue_sky"), EXACT);
        assertEquals(0, sky.get("top_dark"), EXACT);
        // Luma 143 over the top third; below, 5 rows of 143 and 15 of 97.
        assertEquals((143 - (5 * 143 + 15 * 97) / 20.0) / 255, sky.get("top_minus_rest_luma"), EXACT);

        Map<String, Double> colour = Pictures.extract(new ColourStatistics(), picture);
        assertEquals(0.5, colour.get("hue_blue"), EXACT);
        assertEquals(0.5, colour.get("hue_green"), EXACT);

        Map<String, Double> histogram = Pictures.extract(new ColourHistogram(), picture);
        assertEquals(1, histogram.get("top_blue_bright"), EXACT);
        assertEquals(0.5, histogram.get("middle_blue_bright"), EXACT);
        assertEquals(0.5, histogram.get("middle_green_mid"), EXACT);
        assertEquals(1, histogram.get("bottom_green_mid"), EXACT);

        Map<String, Double> grid = Pictures.extract(new SpatialGrid(), picture);
        assertTrue(grid.get("luma_r0c1") > grid.get("luma_r2c1"), grid.toString());
    }

    @Test
    void duskBlueSkyIsNotDaytimeBlue() {
        Map<String, Double> sky = Pictures.extract(new SkyEvidence(), Pictures.uniform(30, 30, DUSK_BLUE));
        assertEquals(1, sky.get("top_dusk_blue"), EXACT);
        assertEquals(0, sky.get("top_blue_sky"), EXACT);
    }

    @Test
    void blackWithThreeWhiteDotsHasThreeLightSources() {
        Pixels night = Pictures.blackWithDots(40, 30, Color.WHITE, 5, 5, 20, 10, 30, 25);
        double interior = 38 * 28;
        Map<String, Double> lights = Pictures.extract(new LightSources(), night);
        assertEquals(3 / interior, lights.get("light_spots"), EXACT);
        assertEquals(3 / interior, lights.get("bright_next_to_dark"), EXACT);
        assertEquals(0, lights.get("coloured_light_spots"), EXACT);

        Map<String, Double> brightness = Pictures.extract(new BrightnessShape(), night);
        assertEquals(1 - 3 / 1200.0, brightness.get("dark_below_16"), EXACT);
        assertEquals(3 / 1200.0, brightness.get("bright_from_240"), EXACT);
        assertEquals(0, brightness.get("luma_p90"), EXACT);
        assertEquals(1, Pictures.extract(new SkyEvidence(), night).get("top_dark"), 0.01);
    }

    @Test
    void orangeLampsInTheDarkAreColouredWarmLights() {
        Pixels night = Pictures.blackWithDots(40, 30, new Color(255, 170, 40), 5, 5, 20, 10, 30, 25);
        Map<String, Double> lights = Pictures.extract(new LightSources(), night);
        assertEquals(3 / (38.0 * 28), lights.get("coloured_light_spots"), EXACT);
        Map<String, Double> temperature = Pictures.extract(new ColourTemperature(), night);
        assertEquals(3 / 1200.0, temperature.get("warm_lights"), EXACT);
        assertTrue(temperature.get("highlight_blue_minus_red") < -0.5, temperature.toString());
    }

    @Test
    void shadowsTintedBlueOrGreenAreToldApart() {
        Map<String, Double> blue = Pictures.extract(new ColourTemperature(), Pictures.uniform(10, 10, DUSK_BLUE));
        Map<String, Double> green = Pictures.extract(new ColourTemperature(), Pictures.uniform(10, 10, new Color(30, 70, 20)));
        assertEquals((90 - 20) / 90.0, blue.get("shadow_blue_minus_red"), EXACT);
        assertTrue(green.get("shadow_green_minus_magenta") > 0.5, green.toString());
        assertTrue(green.get("shadow_blue_minus_red") < 0, green.toString());
    }

    @Test
    void picturesSmallerThanTheGridStillGiveNumbers() {
        for (FeatureGroup group : new FeatureGroup[] {new BrightnessShape(), new ColourStatistics(),
                new ColourHistogram(), new ColourTemperature(), new SpatialGrid(), new LightSources(), new SkyEvidence()}) {
            Map<String, Double> values = Pictures.extract(group, Pictures.uniform(1, 1, SKY_BLUE));
            values.forEach((name, value) -> assertTrue(Double.isFinite(value), group + " " + name));
        }
    }
}
