package com.daynight.classify;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;
import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.functions.supportVector.SMOset;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * A trained two-class Weka SMO with an RBF kernel and a calibrator, evaluated by hand: the same sum over the
 * support vectors that {@code SMO.distributionForInstance} computes, on flat arrays. Written by hand because
 * Weka's own evaluation walks every support vector through its generic Instance API (a filtered copy of the
 * picture, a virtual call per value, a kernel cache lookup per vector): 0.3-0.5 ms of a picture's 1.2-1.5 ms
 * on the cheap path, where the same arithmetic on arrays takes a fraction of it. Weka still trains the model,
 * standardises (its filter, probed once), and calibrates (its Logistic, on the one number this computes).
 * Reads SMO's fields by reflection: they are not public; weka-stable's version is pinned (pom.xml), and
 * {@code SupportVectorsTest} checks the answers against Weka's on every picture of a data set.
 * Not thread-safe (the calibrator is Weka's); each {@link DayNightModel} copy builds its own.
 */
final class SupportVectors {

    private final int features;
    /** Standardisation as x * scale + shift per feature: what SMO's filter does, probed with 0 and 1. */
    private final double[] scale;
    private final double[] shift;
    /**
     * The support vectors, standardised, feature by feature: feature f of vector k at f x count + k, so that
     * every vector's dot product grows in one pass that the JIT turns into vector instructions (a sum per
     * vector, in feature order, as Weka adds it). Their squared norms; class x alpha.
     */
    private final double[] vectors;
    private final double[] squaredNorms;
    private final double[] weights;
    private final double bias;
    private final double gamma;
    private final Classifier calibrator;
    private final Instances calibrationHeader;
    /** The picture being evaluated, standardised, and its dot products with each vector (not thread-safe). */
    private final double[] x;
    private final double[] dots;

    private SupportVectors(double[] scale, double[] shift, double[] vectors, double[] squaredNorms, double[] weights,
                           double bias, double gamma, Classifier calibrator, Instances calibrationHeader) {
        this.features = scale.length;
        this.scale = scale;
        this.shift = shift;
        this.vectors = vectors;
        this.squaredNorms = squaredNorms;
        this.weights = weights;
        this.bias = bias;
        this.gamma = gamma;
        this.calibrator = calibrator;
        this.calibrationHeader = calibrationHeader;
        this.x = new double[features];
        this.dots = new double[weights.length];
    }

    /**
     * The same vectors with the calibrator of {@code copy}, a copy of the SMO this was read from: a model's copy
     * for another thread shares the arrays (read only) and evaluates with a calibrator of its own.
     */
    Optional<SupportVectors> withCalibratorOf(Classifier copy) {
        try {
            Object binary = ((Object[][]) read(SMO.class, copy, "m_classifiers"))[0][1];
            Classifier own = (Classifier) read(binary.getClass(), binary, "m_calibrator");
            return own == null ? Optional.empty() : Optional.of(new SupportVectors(scale, shift, vectors,
                    squaredNorms, weights, bias, gamma, own, calibrationHeader));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * The hand evaluation of {@code classifier}, when it is an SMO this class reproduces (two classes, RBF kernel,
     * a calibrator, an affine filter or none); empty otherwise, and Weka evaluates it.
     */
    static Optional<SupportVectors> of(Classifier classifier, Instances header) {
        if (!(classifier instanceof SMO smo) || !(smo.getKernel() instanceof RBFKernel kernel)
                || !smo.getBuildCalibrationModels() || header.numClasses() != 2) {
            return Optional.empty();
        }
        try {
            Object binary = ((Object[][]) read(SMO.class, smo, "m_classifiers"))[0][1];
            Class<?> type = binary.getClass();
            Instances data = (Instances) read(type, binary, "m_data");
            double[] alpha = (double[]) read(type, binary, "m_alpha");
            double[] classSign = (double[]) read(type, binary, "m_class");
            SMOset support = (SMOset) read(type, binary, "m_supportVectors");
            Classifier calibrator = (Classifier) read(type, binary, "m_calibrator");
            Instances calibrationHeader = (Instances) read(type, binary, "m_calibrationDataHeader");
            Filter filter = (Filter) read(SMO.class, smo, "m_Filter");
            if (read(SMO.class, smo, "m_NominalToBinary") != null || calibrator == null
                    || calibrationHeader == null || calibrationHeader.numAttributes() != 2) {
                return Optional.empty();
            }
            int featureCount = header.numAttributes() - 1;
            double[][] affine = probe(filter, header, featureCount);
            int count = support.numElements();
            double[] vectors = new double[count * featureCount];
            double[] norms = new double[count];
            double[] weights = new double[count];
            int k = 0;
            for (int i = support.getNext(-1); i != -1; i = support.getNext(i), k++) {
                Instance vector = data.instance(i);
                double norm = 0;
                for (int f = 0, a = 0; a < data.numAttributes(); a++) {
                    if (a != data.classIndex()) {
                        double value = vector.value(a);
                        vectors[f++ * count + k] = value;
                        norm += value * value;
                    }
                }
                norms[k] = norm;
                weights[k] = classSign[i] * alpha[i];
            }
            double bias = (double) read(type, binary, "m_b");
            return Optional.of(new SupportVectors(affine[0], affine[1], vectors, norms, weights, bias,
                    kernel.getGamma(), calibrator, calibrationHeader));
        } catch (Exception e) {
            return Optional.empty(); // another Weka than the one this was written for: Weka evaluates it
        }
    }

    /**
     * Class probabilities in the header's class order, as SMO.distributionForInstance gives them; null for
     * values with a NaN (or infinite) one, which Weka replaces as it did in training.
     */
    double[] distribution(double[] values) throws Exception {
        double squaredNorm = 0;
        for (int f = 0; f < features; f++) {
            if (!Double.isFinite(values[f])) {
                return null;
            }
            x[f] = values[f] * scale[f] + shift[f];
            squaredNorm += x[f] * x[f];
        }
        int count = weights.length;
        Arrays.fill(dots, 0);
        for (int f = 0; f < features; f++) {
            double value = x[f];
            int column = f * count;
            for (int k = 0; k < count; k++) {
                dots[k] += value * vectors[column + k];
            }
        }
        double output = 0;
        for (int k = 0; k < count; k++) {
            output += weights[k] * Math.exp(gamma * (2 * dots[k] - squaredNorm - squaredNorms[k]));
        }
        output -= bias;
        Instance calibration = new DenseInstance(1.0, new double[] {output, Utils.missingValue()});
        calibration.setDataset(calibrationHeader);
        return calibrator.distributionForInstance(calibration);
    }

    /**
     * The filter's per-feature map, as scale and shift, from its answers for all zeros and all ones: Weka's
     * Standardize and Normalize are affine in each value. None: the identity.
     */
    private static double[][] probe(Filter filter, Instances header, int featureCount) throws Exception {
        double[] scale = new double[featureCount];
        double[] shift = new double[featureCount];
        if (filter == null) {
            Arrays.fill(scale, 1);
            return new double[][] {scale, shift};
        }
        double[] zeros = filtered(filter, header, 0);
        double[] ones = filtered(filter, header, 1);
        for (int f = 0; f < featureCount; f++) {
            shift[f] = zeros[f];
            scale[f] = ones[f] - zeros[f];
        }
        return new double[][] {scale, shift};
    }

    private static double[] filtered(Filter filter, Instances header, double value) throws Exception {
        double[] values = new double[header.numAttributes()];
        Arrays.fill(values, value);
        values[header.classIndex()] = Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        filter.input(instance);
        filter.batchFinished();
        return filter.output().toDoubleArray();
    }

    private static Object read(Class<?> type, Object owner, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
