package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.daynight.classify.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsErrorsAgainstTheAccuracy() {
        ConfusionMatrix matrix = new ConfusionMatrix();
        matrix.add(Label.DAY, Label.DAY);
        matrix.add(Label.DAY, Label.NIGHT);
        matrix.add(Label.NIGHT, Label.NIGHT);
        matrix.addError(Label.NIGHT);
        assertEquals("accuracy: 0.5000 (2/4)", matrix.accuracyLine());
        assertEquals(List.of(
                "confusion matrix (rows: actual, columns: predicted)",
                "actual \\ predicted     day   night   error",
                "day                      1       1       0",
                "night                    0       1       1"), matrix.tableLines());
    }

    @Test
    void anEmptyMatrixHasNoAccuracy() {
        assertEquals("accuracy: 0.0000 (0/0)", new ConfusionMatrix().accuracyLine());
    }
}
