package com.daynight.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A fitted Weka classifier with the header of its training data (attribute names, class {day, night}).
 * Not thread-safe: Weka's SMO keeps state in its filters while predicting, so give each thread its own
 * {@link #copy()}.
 */
public final class DayNightModel {

    /** The class attribute's values, "day" and "night": the bundled model file holds them so. */
    private static final List<String> CLASS_VALUES = Stream.of(Label.values()).map(Label::jsonName).toList();
    private static final String CLASS_ATTRIBUTE = "class";

    private final Classifier classifier;
    private final Instances header;
    /** The classifier's arithmetic on arrays, where it is an SMO that SupportVectors reproduces; else null. */
    private final SupportVectors byHand;

    /** @param header the training data's header; its class attribute must be nominal {day, night} */
    public DayNightModel(Classifier classifier, Instances header) {
        this.classifier = classifier;
        this.header = new Instances(header, 0);
        checkHeader(this.header);
        this.byHand = SupportVectors.of(classifier, this.header).orElse(null);
    }

    /** A copy's model: the support vectors' arrays are shared (read only), the calibrator is the copy's own. */
    private DayNightModel(Classifier classifier, Instances header, SupportVectors byHand) {
        this.classifier = classifier;
        this.header = header;
        this.byHand = byHand == null ? null : byHand.withCalibratorOf(classifier).orElse(null);
    }

    /** An empty data set with the given numeric attributes and the class attribute last. */
    public static Instances emptyHeader(List<String> featureNames, int capacity) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        featureNames.forEach(name -> attributes.add(new Attribute(name)));
        attributes.add(new Attribute(CLASS_ATTRIBUTE, CLASS_VALUES));
        Instances data = new Instances("daynight", attributes, capacity);
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    public int featureCount() {
        return header.numAttributes() - 1;
    }

    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.numAttributes(); i++) {
            if (i != header.classIndex()) {
                names.add(header.attribute(i).name());
            }
        }
        return names;
    }

    /** The more probable label, with its calibrated probability as the confidence. */
    public Prediction predict(double[] features) {
        if (features.length != featureCount()) {
            throw new IllegalArgumentException("expected " + featureCount() + " features, got " + features.length);
        }
        double[] distribution;
        try {
            // A missing value (NaN) is Weka's to replace, as it was in training: SupportVectors answers null then.
            distribution = byHand != null ? byHand.distribution(features) : null;
            if (distribution == null) {
                distribution = wekaDistribution(features);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the model failed to predict: " + e.getMessage(), e);
        }
        int best = distribution[1] > distribution[0] ? 1 : 0;
        return new Prediction(Label.fromJsonName(header.classAttribute().value(best)), distribution[best]);
    }

    /** Weka's own evaluation of the classifier: what {@link SupportVectors} must agree with. */
    double[] wekaDistribution(double[] features) throws Exception {
        double[] values = new double[header.numAttributes()];
        System.arraycopy(features, 0, values, 0, features.length);
        values[header.classIndex()] = Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return classifier.distributionForInstance(instance);
    }

    /** Whether predictions are computed by {@link SupportVectors} rather than by Weka. */
    boolean isEvaluatedByHand() {
        return byHand != null;
    }

    /** An independent deep copy, for use on another thread. */
    public DayNightModel copy() {
        try {
            return new DayNightModel(AbstractClassifier.makeCopy(classifier), header, byHand);
        } catch (Exception e) {
            throw new IllegalStateException("could not copy the model: " + e.getMessage(), e);
        }
    }

    /** Writes the classifier and the header together, so a loaded model knows its attributes. */
    public void save(Path file) throws IOException {
        new ModelFile(this, Optional.empty()).save(file);
    }

    /** A single model's file; a cascade's file is refused here (see {@link ModelFile}). */
    public static DayNightModel load(Path file) throws IOException {
        return single(ModelFile.load(file), file.toString());
    }

    public static DayNightModel load(InputStream input) throws IOException {
        return single(ModelFile.load(input, "the stream"), "the stream");
    }

    private static DayNightModel single(ModelFile file, String source) throws IOException {
        if (file.cascade().isPresent()) {
            throw new IOException(source + " is a cascade of two models: load it as a ModelFile");
        }
        return file.model();
    }

    Classifier classifier() {
        return classifier;
    }

    Instances header() {
        return header;
    }

    private static void checkHeader(Instances header) {
        // predict() fills the features in front of the class value.
        if (header.classIndex() != header.numAttributes() - 1 || !header.classAttribute().isNominal()
                || header.classAttribute().numValues() != CLASS_VALUES.size()
                || !CLASS_VALUES.contains(header.classAttribute().value(0))
                || !CLASS_VALUES.contains(header.classAttribute().value(1))) {
            throw new IllegalArgumentException("the last attribute must be the class, nominal {day, night}");
        }
        for (int i = 0; i < header.numAttributes(); i++) {
            if (i != header.classIndex() && !header.attribute(i).isNumeric()) {
                throw new IllegalArgumentException("attribute " + header.attribute(i).name() + " is not numeric");
            }
        }
    }
}
