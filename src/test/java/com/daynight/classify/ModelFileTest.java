package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.training.LabelledFeatures;
import com.daynight.classify.training.ModelTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.SerializationHelper;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aCascadeComesBackWithItsQuickModelAndThreshold() throws Exception {
        List<LabelledFeatures> examples = TestPictures.brightAndDarkExamples(6);
        DayNightModel model = new ModelTrainer().train(examples);
        DayNightModel quick = new ModelTrainer().train(examples);
        Path file = dir.resolve("cascade.model");
        new ModelFile(model, Optional.of(new Cascade(quick, 0.97))).save(file);

        ModelFile loaded = ModelFile.load(file);
        assertEquals(0.97, loaded.cascade().orElseThrow().confidence());
        double[] features = examples.get(1).features();
        assertEquals(quick.predict(features), loaded.cascade().get().quick().predict(features));
        assertEquals(model.predict(features), loaded.model().predict(features));
        IOException single = assertThrows(IOException.class, () -> DayNightModel.load(file));
        assertTrue(single.getMessage().contains("cascade"), single.getMessage());
    }

    @Test
    void aSingleModelHasNoCascade() throws Exception {
        DayNightModel model = new ModelTrainer().train(TestPictures.brightAndDarkExamples(6));
        Path file = dir.resolve("single.model");
        model.save(file);
        assertTrue(ModelFile.load(file).cascade().isEmpty());
    }

    @Test
    void refusesFilesOfOtherShapes() throws Exception {
        DayNightModel model = new ModelTrainer().train(TestPictures.brightAndDarkExamples(6));
        Path file = dir.resolve("odd.model");
        SerializationHelper.writeAll(file.toString(), new Object[] {model.classifier(), model.header(), "extra"});
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("holds 3 parts"), e.getMessage());
    }

    @Test
    void aCascadeThresholdMustLeaveTheQuickModelSomethingToBeSureOf() throws Exception {
        DayNightModel quick = new ModelTrainer().train(TestPictures.brightAndDarkExamples(6));
        assertThrows(IllegalArgumentException.class, () -> new Cascade(quick, 0.5));
    }
}
