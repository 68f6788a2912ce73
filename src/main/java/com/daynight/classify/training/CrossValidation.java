package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Stratified k-fold cross-validation with a fixed seed: within each label the examples are shuffled
 * with {@code java.util.Random(seed)} and dealt out to the folds in turn, so every fold has the same
 * share of day and night and the folds never change between runs. Examples with a group (webcam frames
 * of one day) are dealt out by group instead: the groups in name order, group k to fold k mod folds.
 */
final class CrossValidation {

    private final int folds;
    private final long seed;

    CrossValidation(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("at least 2 folds, not " + folds);
        }
        this.folds = folds;
        this.seed = seed;
    }

    /** The fold (0 .. folds-1) of each example. */
    int[] assign(List<LabelledFeatures> examples) {
        int[] fold = new int[examples.size()];
        List<String> groups = examples.stream().map(LabelledFeatures::group)
                .filter(group -> !group.isEmpty()).distinct().sorted().toList();
        for (int i = 0; i < examples.size(); i++) {
            String group = examples.get(i).group();
            if (!group.isEmpty()) {
                fold[i] = groups.indexOf(group) % folds;
            }
        }
        for (Label label : Label.values()) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).group().isEmpty() && examples.get(i).label() == label) {
                    indices.add(i);
                }
            }
            Collections.shuffle(indices, new Random(seed));
            for (int position = 0; position < indices.size(); position++) {
                fold[indices.get(position)] = position % folds;
            }
        }
        return fold;
    }

    /** The predictions counted over all examples and per data set (source) that examples name. */
    record Scores(ConfusionMatrix overall, Map<String, ConfusionMatrix> bySource) {
    }

    /** Each example predicted by a model fitted on the other folds. */
    ConfusionMatrix run(SvmSettings settings, List<LabelledFeatures> examples, int smoSeed) {
        return runPerSource(settings, examples, assign(examples), smoSeed).overall();
    }

    /**
     * Each example's calibrated probability of night from a model fitted, calibration included (inner folds, as
     * {@link ModelTrainer} fits it), on the other folds: what the cascade's thresholds are chosen on.
     */
    double[] nightProbabilities(SvmSettings settings, List<LabelledFeatures> examples, int[] fold, int smoSeed) {
        Instances data = TrainingData.toInstances(examples, settings.balance());
        int night = data.classAttribute().indexOfValue(Label.NIGHT.jsonName());
        double[] probability = new double[examples.size()];
        for (int f = 0; f < folds; f++) {
            Instances train = new Instances(data, examples.size());
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    train.add(data.get(i));
                }
            }
            Classifier smo = settings.newSmo(smoSeed, ModelTrainer.calibrationFolds(train));
            try {
                smo.buildClassifier(train);
                for (int i = 0; i < examples.size(); i++) {
                    if (fold[i] == f) {
                        probability[i] = smo.distributionForInstance(data.get(i))[night];
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("cross-validation of " + settings.describe() + " failed: "
                        + e.getMessage(), e);
            }
        }
        return probability;
    }

    /** As {@link #run}, with the folds of {@link #assign} given, so that many candidates share them. */
    Scores runPerSource(SvmSettings settings, List<LabelledFeatures> examples, int[] fold, int smoSeed) {
        Instances data = TrainingData.toInstances(examples, settings.balance());
        Map<String, ConfusionMatrix> bySource = new TreeMap<>();
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (int f = 0; f < folds; f++) {
            Instances train = new Instances(data, examples.size());
            List<Integer> tested = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    tested.add(i);
                } else {
                    train.add(data.get(i));
                }
            }
            Classifier smo = settings.newSmo(smoSeed, 0);
            try {
                smo.buildClassifier(train);
                for (int i : tested) {
                    int value = (int) smo.classifyInstance(data.get(i));
                    Label predicted = Label.fromJsonName(data.classAttribute().value(value));
                    Label actual = examples.get(i).label();
                    matrix.add(actual, predicted);
                    if (!examples.get(i).source().isEmpty()) {
                        bySource.computeIfAbsent(examples.get(i).source(), source -> new ConfusionMatrix())
                                .add(actual, predicted);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("cross-validation of " + settings.describe() + " failed: "
                        + e.getMessage(), e);
            }
        }
        return new Scores(matrix, Collections.unmodifiableMap(bySource));
    }
}
