package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.daynight.classify.DayNightModel;
import com.daynight.classify.Label;
import com.daynight.classify.features.FeatureExtractor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/** Cross-validation groups, data set weights and per-data-set scores. */
class GroupsAndWeightsTest {

    /** A feature vector of the model's width that varies in its first value only. */
    private static double[] vector(double first) {
        double[] values = new double[FeatureExtractor.featureNames().size()];
        values[0] = first;
        return values;
    }

    /** 10 examples of data set "small" in groups g0..g4 (day and night in each), 30 ungrouped of "large". */
    private static List<LabelledFeatures> examples() {
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Label label = i % 2 == 0 ? Label.DAY : Label.NIGHT;
            examples.add(new LabelledFeatures(vector(i % 2 == 0 ? 1 + i : -1 - i), label, "small", "g" + i / 2));
        }
        for (int i = 0; i < 30; i++) {
            Label label = i % 2 == 0 ? Label.DAY : Label.NIGHT;
            examples.add(new LabelledFeatures(vector(i % 2 == 0 ? 1 + i : -1 - i), label, "large", ""));
        }
        return examples;
    }

    @Test
    void aGroupNeverSpansTwoFolds() {
        List<LabelledFeatures> examples = examples();
        int[] fold = new CrossValidation(5, 1).assign(examples);
        for (int i = 0; i < 10; i += 2) {
            assertEquals(fold[i], fold[i + 1], "group g" + i / 2);
            assertEquals(i / 2, fold[i], "groups dealt out in name order");
        }
    }

    @Test
    void balanceOneMakesEveryDataSetWeighAsMuch() {
        Instances data = TrainingData.toInstances(examples(), 1);
        double small = 0;
        double large = 0;
        for (int i = 0; i < data.size(); i++) {
            if (i < 10) {
                small += data.get(i).weight();
            } else {
                large += data.get(i).weight();
            }
        }
        assertEquals(small, large, 1e-9);
        assertEquals(40, small + large, 1e-9);
    }

    @Test
    void balanceZeroKeepsUnitWeights() {
        Instances data = TrainingData.toInstances(examples(), 0);
        for (int i = 0; i < data.size(); i++) {
            assertEquals(1, data.get(i).weight(), 1e-12);
        }
    }

    @Test
    void smoHonoursTheWeights() {
        // Two overlapping points with opposite labels: the heavier one decides under a linear SVM.
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new LabelledFeatures(vector(i), Label.DAY, "a", ""));
            examples.add(new LabelledFeatures(vector(i + 0.5), Label.NIGHT, "b", ""));
            examples.add(new LabelledFeatures(vector(i + 0.5), Label.NIGHT, "b", ""));
            examples.add(new LabelledFeatures(vector(i + 0.5), Label.NIGHT, "b", ""));
        }
        DayNightModel unweighted = new ModelTrainer(SvmSettings.rbf(1, 1), 1).train(examples);
        DayNightModel balanced = new ModelTrainer(SvmSettings.rbf(1, 1).withBalance(2), 1).train(examples);
        double[] probe = vector(4.25);
        assertNotEquals(unweighted.predict(probe).label(), balanced.predict(probe).label());
    }

    @Test
    void scoresAreKeptPerDataSet() {
        CrossValidation crossValidation = new CrossValidation(5, 1);
        List<LabelledFeatures> examples = examples();
        CrossValidation.Scores scores = crossValidation.runPerSource(SvmSettings.linear(1), examples,
                crossValidation.assign(examples), 1);
        assertEquals(10, scores.bySource().get("small").total());
        assertEquals(30, scores.bySource().get("large").total());
        assertEquals(40, scores.overall().total());
    }
}
