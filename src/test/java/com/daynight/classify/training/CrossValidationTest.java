package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.classify.Label;
import com.daynight.classify.TestPictures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static List<LabelledFeatures> examples(int day, int night) {
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < day; i++) {
            examples.add(new LabelledFeatures(new double[] {i}, Label.DAY));
        }
        for (int i = 0; i < night; i++) {
            examples.add(new LabelledFeatures(new double[] {i}, Label.NIGHT));
        }
        return examples;
    }

    @Test
    void foldsAreStratifiedAndEvenlySized() {
        List<LabelledFeatures> examples = examples(23, 17);
        int[] fold = new CrossValidation(5, 1).assign(examples);
        for (int f = 0; f < 5; f++) {
            int day = 0;
            int night = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    if (examples.get(i).label().equals(Label.DAY)) {
                        day++;
                    } else {
                        night++;
                    }
                }
            }
            assertEquals(23 / 5.0, day, 1.0, "day in fold " + f);
            assertEquals(17 / 5.0, night, 1.0, "night in fold " + f);
        }
    }

    @Test
    void theSeedFixesTheFolds() {
        List<LabelledFeatures> examples = examples(23, 17);
        assertArrayEquals(new CrossValidation(5, 1).assign(examples), new CrossValidation(5, 1).assign(examples));
    }

    @Test
    void predictsEveryExampleOnceFromTheOtherFolds() throws Exception {
        List<LabelledFeatures> examples = TestPictures.brightAndDarkExamples(10);
        ConfusionMatrix matrix = new CrossValidation(5, 1).run(SvmSettings.linear(1), examples, 1);
        assertEquals(20, matrix.total());
        assertEquals(20, matrix.correct());
    }

    @Test
    void needsTwoFolds() {
        assertThrows(IllegalArgumentException.class, () -> new CrossValidation(1, 1));
    }
}
