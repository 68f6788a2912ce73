package com.daynight.classify.training;

import com.daynight.classify.DayNightModel;
import com.daynight.classify.Label;
import java.util.List;
import java.util.stream.Stream;
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
        // Too few examples for the inner folds: the calibration is fitted on the training data instead.
        boolean enoughForFolds = Stream.of(Label.values()).allMatch(label ->
                examples.stream().filter(example -> example.label() == label).count() >= CALIBRATION_FOLDS);
        int calibrationFolds = enoughForFolds ? CALIBRATION_FOLDS : -1;
        SMO smo = settings.newSmo(seed, calibrationFolds);
        try {
            smo.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        }
        return new DayNightModel(smo, data);
    }
}
