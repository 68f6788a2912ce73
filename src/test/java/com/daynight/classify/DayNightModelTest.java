package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.training.LabelledFeatures;
import com.daynight.classify.training.ModelTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayNightModelTest {

    private static List<LabelledFeatures> examples;
    private static DayNightModel model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        examples = TestPictures.brightAndDarkExamples(8);
        model = new ModelTrainer().train(examples);
    }

    @Test
    void tellsANewBrightPictureFromADarkOne() throws Exception {
        ImageFeatures features = ImageFeatures.standard();
        Prediction bright = model.predict(features.fromJpeg(TestPictures.brightJpeg(100)));
        Prediction dark = model.predict(features.fromJpeg(TestPictures.darkJpeg(100)));
        assertEquals(Label.DAY, bright.label());
        assertEquals(Label.NIGHT, dark.label());
        assertConfident(bright);
        assertConfident(dark);
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.model");
        model.save(file);
        assertSameAnswers(model, DayNightModel.load(file));
        try (InputStream input = Files.newInputStream(file)) {
            assertSameAnswers(model, DayNightModel.load(input));
        }
    }

    @Test
    void aCopyGivesTheSameAnswers() {
        assertSameAnswers(model, model.copy());
    }

    @Test
    void refusesAFileThatIsNoModel(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("junk.model"), "not a model");
        IOException refused = assertThrows(IOException.class, () -> DayNightModel.load(file));
        assertTrue(refused.getMessage().contains("junk.model"), refused.getMessage());
    }

    private static void assertConfident(Prediction prediction) {
        assertTrue(prediction.confidence() > 0.5 && prediction.confidence() <= 1.0, prediction.toString());
    }

    private static void assertSameAnswers(DayNightModel expected, DayNightModel actual) {
        for (LabelledFeatures example : examples) {
            assertEquals(expected.predict(example.features()), actual.predict(example.features()));
        }
    }
}
