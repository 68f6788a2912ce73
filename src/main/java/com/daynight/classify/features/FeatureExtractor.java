package com.daynight.classify.features;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's features, computed from the small picture of the fast decode path (EXIF orientation
 * applied): the picture is turned into luma and HSV planes once, then each group reads them.
 * The attribute names come from the groups, in this order, and nowhere else. Stateless and thread-safe.
 */
public final class FeatureExtractor {

    private static final List<FeatureGroup> GROUPS = List.of(
            new BrightnessShape(), new ColourStatistics(), new ColourHistogram(), new ColourTemperature(),
            new SpatialGrid(), new LightSources(), new SkyEvidence(), new TopThirdLuma());
    private static final List<String> NAMES = allNames();

    /** Attribute names in the order of {@link #extract}'s values. */
    public static List<String> featureNames() {
        return NAMES;
    }

    public double[] extract(BufferedImage image) {
        return extract(Pixels.of(image));
    }

    double[] extract(Pixels pixels) {
        double[] features = new double[NAMES.size()];
        int offset = 0;
        for (FeatureGroup group : GROUPS) {
            group.extract(pixels, features, offset);
            offset += group.names().size();
        }
        for (int i = 0; i < features.length; i++) {
            // Most values are shares of pixels, crowded near 0 where the differences matter (a few lamps
            // against none); the root spreads them out. It keeps the sign of the few signed values.
            features[i] = Math.copySign(Math.sqrt(Math.abs(features[i])), features[i]);
        }
        return features;
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>();
        GROUPS.forEach(group -> names.addAll(group.names()));
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalStateException("two feature groups use the same attribute name: " + names);
        }
        return List.copyOf(names);
    }
}
