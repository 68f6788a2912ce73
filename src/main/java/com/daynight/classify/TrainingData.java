package com.daynight.classify;

import com.daynight.classify.features.FeatureExtractor;
import java.util.List;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Labelled feature vectors as Weka's data set, with the attribute names of {@link FeatureExtractor}. */
final class TrainingData {

    private TrainingData() {
    }

    /** @throws IllegalArgumentException when a label has no example, or an example does not fit the features */
    static Instances toInstances(List<LabelledFeatures> examples) {
        for (String label : DayNightModel.LABELS) {
            if (examples.stream().noneMatch(example -> example.label().equals(label))) {
                throw new IllegalArgumentException("no usable " + label + " pictures to train on");
            }
        }
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
