package com.daynight.classify.training;

import com.daynight.classify.DayNightModel;
import com.daynight.classify.Label;
import com.daynight.classify.ImageFeatures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Labelled feature vectors as Weka's data set, with the attribute names of {@link ImageFeatures}. */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * @param balance 0 for equal weights; otherwise each example of a data set (source) of n of the N
     *        examples weighs (N / (sources * n))^balance, scaled so that the weights add up to N: with 1
     *        every data set counts as much as the others, with 2 the smaller ones count more still
     */
    static Instances toInstances(List<LabelledFeatures> examples, double balance) {
        Map<String, Long> perSource = examples.stream()
                .collect(Collectors.groupingBy(LabelledFeatures::source, TreeMap::new, Collectors.counting()));
        Map<String, Double> rawWeight = new TreeMap<>();
        perSource.forEach((source, n) -> rawWeight.put(source,
                Math.pow(examples.size() / (double) (perSource.size() * n), balance)));
        double total = examples.stream().mapToDouble(example -> rawWeight.get(example.source())).sum();
        double scale = examples.size() / total;
        for (Label label : Label.values()) {
            if (examples.stream().noneMatch(example -> example.label() == label)) {
                throw new IllegalArgumentException("no usable " + label.jsonName() + " pictures to train on");
            }
        }
        Instances data = DayNightModel.emptyHeader(names(examples.get(0).features().length), examples.size());
        int classIndex = data.classIndex();
        for (LabelledFeatures example : examples) {
            if (example.features().length != classIndex) {
                throw new IllegalArgumentException("expected " + classIndex + " features, got " + example.features().length);
            }
            double[] values = new double[data.numAttributes()];
            System.arraycopy(example.features(), 0, values, 0, classIndex);
            values[classIndex] = data.classAttribute().indexOfValue(example.label().jsonName());
            data.add(new DenseInstance(rawWeight.get(example.source()) * scale, values));
        }
        return data;
    }

    /** The features' own names; other lengths (tests on made-up values) get {@code value_0}, {@code value_1}... */
    private static List<String> names(int count) {
        return ImageFeatures.namesFor(count)
                .orElseGet(() -> IntStream.range(0, count).mapToObj(i -> "value_" + i).toList());
    }
}
