package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed model keeps its promise on the held-out AMOS pictures, which live outside the repository. */
class BundledModelAccuracyTest {

    private static final Path AMOS_TEST = Path.of("..", "shared", "datasets", "amos-day-night", "test");

    @Test
    void bundledModelIsAccurateOnAmosTest() throws Exception {
        assumeTrue(Files.isDirectory(AMOS_TEST), "no AMOS test pictures at " + AMOS_TEST.toAbsolutePath());
        Evaluation evaluation = Evaluation.of(DayNightClassifier.loadBundled(), LabelledImages.read(AMOS_TEST));
        ConfusionMatrix matrix = evaluation.matrix();
        assertTrue(matrix.total() >= 100, "too few test pictures: " + matrix.total());
        assertTrue(matrix.accuracy() >= 0.98, String.join("\n", matrix.tableLines()) + "\n" + matrix.accuracyLine());
    }
}
