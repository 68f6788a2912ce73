package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.daynight.classify.training.ConfusionMatrix;
import com.daynight.classify.training.Evaluation;
import com.daynight.classify.training.HoldOut;
import com.daynight.classify.training.LabelledImage;
import com.daynight.classify.training.LabelledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed model reproduces the figures of weka-models/MODEL_CARD.md ({@link ModelCard}), confusion
 * matrix and all, on the data sets that live outside the repository. Skipped only where ../shared is
 * absent; CI has it, and fails on a skip.
 */
class BundledModelAccuracyTest {

    private static final Path DATASETS = Path.of("..", "shared", "datasets");

    @Test
    void reproducesTheCardOnAmosTest() throws Exception {
        assertCardFigures(LabelledImages.read(dataSet("amos-day-night/test")),
                ModelCard.figures("amos-day-night/test"));
    }

    @Test
    void reproducesTheCardOnThePexelsHoldOut() throws Exception {
        List<LabelledImage> heldOut = HoldOut.STANDARD.split(LabelledImages.read(dataSet("pexels-day-night/train")))
                .heldOut();
        assertCardFigures(heldOut, ModelCard.figures("pexels-day-night/train hold-out"));
    }

    private static Path dataSet(String name) {
        assumeTrue(Files.isDirectory(DATASETS), "no shared data sets at " + DATASETS.toAbsolutePath());
        return DATASETS.resolve(name);
    }

    private static void assertCardFigures(List<LabelledImage> images, ModelCard.Figures card) throws Exception {
        ConfusionMatrix matrix = Evaluation.of(DayNightClassifier.loadBundled(), images).matrix();
        String table = String.join("\n", matrix.tableLines()) + "\n" + matrix.accuracyLine();
        assertEquals(List.of(card.dayAsDay(), card.dayAsNight(), card.nightAsDay(), card.nightAsNight()),
                List.of(matrix.count(Label.DAY, Label.DAY),
                        matrix.count(Label.DAY, Label.NIGHT),
                        matrix.count(Label.NIGHT, Label.DAY),
                        matrix.count(Label.NIGHT, Label.NIGHT)), table);
        assertEquals(card.pictures(), matrix.total(), table);
    }
}
