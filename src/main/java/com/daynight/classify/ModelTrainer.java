package com.daynight.classify;

import com.daynight.classify.features.FeatureExtractor;
import java.util.List;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Fits the day/night SVM: Weka's SMO with a linear kernel and logistic calibration, so that the model
 * gives probabilities rather than 0/1 votes. The seed is fixed and the examples keep their order,
 * so the same data always gives the same model.
 */
public final class ModelTrainer {

    public static final int DEFAULT_SEED = 1;

    private final int seed;

    public ModelTrainer() {
        this(DEFAULT_SEED);
    }

    public ModelTrainer(int seed) {
        this.seed = seed;
    }

    /** @throws IllegalArgumentException when a label has no example */
    public DayNightModel train(List<LabelledFeatures> examples) {
        for (String label : DayNightModel.LABELS) {
            if (examples.stream().noneMatch(example -> example.label().equals(label))) {
                throw new IllegalArgumentException("no usable " + label + " pictures to train on");
            }
        }
        Instances data = toInstances(examples);
        SMO smo = newSmo();
        try {
            smo.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        }
        return new DayNightModel(smo, data);
    }

    SMO newSmo() {
        PolyKernel kernel = new PolyKernel();
        kernel.setExponent(1.0);
        SMO smo = new SMO();
        smo.setKernel(kernel);
        smo.setBuildCalibrationModels(true);
        smo.setRandomSeed(seed);
        return smo;
    }

    private static Instances toInstances(List<LabelledFeatures> examples) {
        Instances data = DayNightModel.emptyHeader(FeatureExtractor.featureNames(), examples.size());
        int classIndex = data.classIndex();
        for (LabelledFeatures example : examples) {
            if (example.features().length != classIndex) {
                throw new IllegalArgumentException("expected " + classIndex + " features, got " + example.features().length);
            }
            double[] values = new double[data.numAttributes()];
            System.arraycopy(example.features(), 0, values, 0, classIndex);
            int labelIndex = data.classAttribute().indexOfValue(example.label());
            if (labelIndex < 0) {
                throw new IllegalArgumentException("unknown label: " + example.label());
            }
            values[classIndex] = labelIndex;
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }
}
