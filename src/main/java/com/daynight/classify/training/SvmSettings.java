package com.daynight.classify.training;

import java.util.Locale;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.core.SelectedTag;

/**
 * One candidate of the model selection: SMO's kernel with its parameter, and the complexity C.
 * Attributes are standardised (mean 0, variance 1) before the kernel sees them. {@code balance} weighs the
 * training data sets against each other (see {@code TrainingData.toInstances}); SMO scales C by each
 * example's weight.
 */
public record SvmSettings(KernelKind kernel, double kernelParameter, double complexity, double balance) {

    public enum KernelKind {
        /** PolyKernel with the parameter as its exponent; 1 is the linear kernel. */
        POLYNOMIAL,
        /** RBFKernel with the parameter as gamma. */
        RBF
    }

    public static SvmSettings linear(double complexity) {
        return new SvmSettings(KernelKind.POLYNOMIAL, 1, complexity, 0);
    }

    public static SvmSettings polynomial(double exponent, double complexity) {
        return new SvmSettings(KernelKind.POLYNOMIAL, exponent, complexity, 0);
    }

    public static SvmSettings rbf(double gamma, double complexity) {
        return new SvmSettings(KernelKind.RBF, gamma, complexity, 0);
    }

    public SvmSettings withBalance(double newBalance) {
        return new SvmSettings(kernel, kernelParameter, complexity, newBalance);
    }

    /**
     * @param calibrationFolds 0 to skip the logistic calibration (enough to count errors), -1 to fit it on
     *        the training data, or the number of folds of an inner cross-validation that fits it
     */
    SMO newSmo(int seed, int calibrationFolds) {
        SMO smo = new SMO();
        smo.setKernel(newKernel());
        smo.setC(complexity);
        smo.setFilterType(new SelectedTag(SMO.FILTER_STANDARDIZE, SMO.TAGS_FILTER));
        smo.setRandomSeed(seed);
        smo.setBuildCalibrationModels(calibrationFolds != 0);
        if (calibrationFolds != 0) {
            smo.setNumFolds(calibrationFolds);
        }
        return smo;
    }

    private Kernel newKernel() {
        if (kernel == KernelKind.RBF) {
            RBFKernel rbf = new RBFKernel();
            rbf.setGamma(kernelParameter);
            return rbf;
        }
        PolyKernel poly = new PolyKernel();
        poly.setExponent(kernelParameter);
        return poly;
    }

    /** For example {@code rbf gamma=0.01 C=3}. */
    public String describe() {
        String kernelPart = kernel == KernelKind.RBF
                ? String.format(Locale.ROOT, "rbf gamma=%s", plain(kernelParameter))
                : kernelParameter == 1 ? "linear" : String.format(Locale.ROOT, "poly exponent=%s", plain(kernelParameter));
        return kernelPart + " C=" + plain(complexity) + (balance == 0 ? "" : " balance=" + plain(balance));
    }

    private static String plain(double number) {
        return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
