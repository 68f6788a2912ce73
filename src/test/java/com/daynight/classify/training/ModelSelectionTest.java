package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import com.daynight.classify.TestPictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSelectionTest {

    /** Day and night overlap on the first feature; a ring in the next two parts them only for a curved boundary. */
    private static List<LabelledFeatures> ringExamples(int count, long seed) {
        Random random = new Random(seed);
        int features = com.daynight.classify.features.FeatureExtractor.featureNames().size();
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] values = new double[features];
            for (int f = 0; f < features; f++) {
                values[f] = random.nextDouble();
            }
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            values[1] = x;
            values[2] = y;
            examples.add(new LabelledFeatures(values, x * x + y * y < 1.2 ? Label.DAY : Label.NIGHT));
        }
        return examples;
    }

    @Test
    void choosesTheKernelThatCrossValidatesBest() {
        List<SvmSettings> grid = List.of(SvmSettings.linear(1), SvmSettings.rbf(0.05, 10));
        ModelSelection.Result result = new ModelSelection(grid, 5, 1).select(ringExamples(200, 1));
        assertEquals(2, result.scores().size());
        assertEquals(SvmSettings.rbf(0.05, 10), result.best(), result.scores().toString());
        assertTrue(result.scores().get(1).matrix().correct() > result.scores().get(0).matrix().correct());
    }

    @Test
    void aTieGoesToTheEarlierCandidate() throws Exception {
        List<LabelledFeatures> separable = TestPictures.brightAndDarkExamples(10);
        List<SvmSettings> grid = List.of(SvmSettings.linear(1), SvmSettings.linear(10));
        assertEquals(SvmSettings.linear(1), new ModelSelection(grid, 5, 1).select(separable).best());
    }

    @Test
    void theStandardGridHoldsLinearPolynomialAndRbfKernels() {
        List<SvmSettings> grid = ModelSelection.STANDARD_GRID;
        assertTrue(grid.contains(SvmSettings.linear(1)));
        assertTrue(grid.stream().anyMatch(s -> s.kernel() == SvmSettings.KernelKind.POLYNOMIAL && s.kernelParameter() == 2));
        assertTrue(grid.stream().anyMatch(s -> s.kernel() == SvmSettings.KernelKind.RBF));
        assertEquals("rbf gamma=0.01 C=3", SvmSettings.rbf(0.01, 3).describe());
        assertEquals("linear C=0.1", SvmSettings.linear(0.1).describe());
    }

    @Test
    void selectionAndTrainingGiveTheSameModelFileTwice(@TempDir Path dir) throws Exception {
        List<LabelledFeatures> examples = ringExamples(120, 2);
        List<SvmSettings> grid = List.of(SvmSettings.linear(1), SvmSettings.rbf(0.05, 3), SvmSettings.rbf(0.05, 10));
        Path first = dir.resolve("first.model");
        Path second = dir.resolve("second.model");
        for (Path file : List.of(first, second)) {
            SvmSettings best = new ModelSelection(grid, 5, 1).select(examples).best();
            new ModelTrainer(best, ModelTrainer.DEFAULT_SEED).train(examples).save(file);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }
}
