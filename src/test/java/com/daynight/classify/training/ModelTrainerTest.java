package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.classify.DayNightModel;
import com.daynight.classify.Label;
import com.daynight.classify.TestPictures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static List<LabelledFeatures> examples;
    private static DayNightModel model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        examples = TestPictures.brightAndDarkExamples(8);
        model = new ModelTrainer().train(examples);
    }

    @Test
    void trainingIsReproducible() {
        DayNightModel again = new ModelTrainer().train(examples);
        for (LabelledFeatures example : examples) {
            assertEquals(model.predict(example.features()), again.predict(example.features()));
        }
    }

    @Test
    void refusesTrainingWithoutNightPictures() {
        List<LabelledFeatures> dayOnly = examples.stream().filter(e -> e.label().equals(Label.DAY)).toList();
        assertThrows(IllegalArgumentException.class, () -> new ModelTrainer().train(dayOnly));
    }
}
