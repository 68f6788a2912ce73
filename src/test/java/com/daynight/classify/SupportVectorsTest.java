package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.daynight.classify.network.SceneNetwork;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.SMO;

/**
 * The hand evaluation of the bundled SMO gives Weka's probabilities: on the features of real pictures (a data
 * set outside the repository; CI has it and fails on a skip), and on the same features pushed about at random,
 * so that pictures near the boundary between day and night are among them.
 */
class SupportVectorsTest {

    private static final Path PICTURES = Path.of("..", "shared", "datasets", "amos-day-night", "test");
    private static final double AGREEMENT = 1e-9;

    @Test
    void theBundledModelIsEvaluatedByHandAsWekaEvaluatesIt() throws Exception {
        DayNightModel model;
        try (InputStream input = DayNightClassifier.class.getResourceAsStream(DayNightClassifier.BUNDLED_MODEL)) {
            model = ModelFile.load(input, DayNightClassifier.BUNDLED_MODEL).model();
        }
        assertTrue(model.isEvaluatedByHand(), "the bundled SMO is evaluated by hand");
        SupportVectors byHand = SupportVectors.of(model.classifier(), model.header()).orElseThrow();

        List<double[]> vectors = new ArrayList<>(realFeatures());
        Random random = new Random(42);
        for (double[] real : List.copyOf(vectors)) {
            double[] pushed = real.clone();
            for (int f = 0; f < pushed.length; f++) {
                pushed[f] += random.nextGaussian() * 0.05 * (1 + Math.abs(pushed[f]));
            }
            vectors.add(pushed);
        }
        int days = 0;
        double closest = 1;
        for (double[] features : vectors) {
            double[] weka = model.wekaDistribution(features);
            double[] hand = byHand.distribution(features);
            assertEquals(weka[0], hand[0], AGREEMENT);
            assertEquals(weka[1], hand[1], AGREEMENT);
            assertEquals(model.predict(features).label(), Label.fromJsonName(
                    model.header().classAttribute().value(weka[1] > weka[0] ? 1 : 0)));
            days += weka[0] > weka[1] ? 1 : 0;
            closest = Math.min(closest, Math.abs(weka[0] - weka[1]));
        }
        // Both answers and some close calls were among them: the comparison covered the boundary.
        assertTrue(days > 0 && days < vectors.size(), days + " of " + vectors.size() + " vectors were days");
        assertTrue(closest < 0.2, "the closest call was " + closest);
    }

    @Test
    void anSmoOfAnotherKernelIsLeftToWeka() {
        assertFalse(SupportVectors.of(new SMO(), DayNightModel.emptyHeader(List.of("a", "b"), 0)).isPresent());
    }

    private static List<double[]> realFeatures() throws Exception {
        assumeTrue(Files.isDirectory(PICTURES), "no shared data set at " + PICTURES.toAbsolutePath());
        List<double[]> features = new ArrayList<>();
        try (ImageFeatures extraction = ImageFeatures.withNetwork(SceneNetwork.loadBundled());
             Stream<Path> files = Files.walk(PICTURES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                features.add(extraction.fromJpeg(Files.readAllBytes(file)));
            }
        }
        assertTrue(features.size() >= 100, "pictures found: " + features.size());
        return features;
    }
}
