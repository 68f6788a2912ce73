package com.daynight.classify.training;

import com.daynight.classify.DayNightModel;
import java.util.Arrays;
import java.util.List;
import weka.classifiers.functions.SMO;
import weka.core.Instances;

/**
 * Fits the day/night SVM with given settings: Weka's SMO with logistic calibration fitted by an inner
 * cross-validation, so that the model gives probabilities rather than 0/1 votes. The seed is fixed and
 * the examples keep their order, so the same data always gives the same model.
 */
public final class ModelTrainer {

    public static final int DEFAULT_SEED = 1;
    /** Folds of the inner cross-validation that fits the calibration on predictions for unseen examples. */
    static final int CALIBRATION_FOLDS = 5;

    private final SvmSettings settings;
    private final int seed;

    /** A linear kernel with C = 1: a sound choice without model selection, e.g. for small tests. */
    public ModelTrainer() {
        this(SvmSettings.linear(1), DEFAULT_SEED);
    }

    public ModelTrainer(SvmSettings settings, int seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** @throws IllegalArgumentException when a label has no example */
    public DayNightModel train(List<LabelledFeatures> examples) {
        Instances data = TrainingData.toInstances(examples, settings.balance());
        SMO smo = settings.newSmo(seed, calibrationFolds(data));
        try {
            smo.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        }
        return new DayNightModel(smo, data);
    }

    /** The inner folds for the calibration; -1 (fit it on the training data) when a label has too few examples. */
    static int calibrationFolds(Instances data) {
        int[] perLabel = data.attributeStats(data.classIndex()).nominalCounts;
        return Arrays.stream(perLabel).allMatch(count -> count >= CALIBRATION_FOLDS) ? CALIBRATION_FOLDS : -1;
    }
}
