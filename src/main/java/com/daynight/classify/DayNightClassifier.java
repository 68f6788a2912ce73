package com.daynight.classify;

import com.daynight.classify.features.FeatureExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * JPEG bytes in, day or night out. Not thread-safe (see {@link DayNightModel}): use one instance per
 * thread, made with {@link #copy()}.
 */
public final class DayNightClassifier {

    public static final String BUNDLED_MODEL = "/weka-models/daynight.model";

    private final ImageFeatures features;
    private final DayNightModel model;

    public DayNightClassifier(ImageFeatures features, DayNightModel model) {
        if (!model.featureNames().equals(FeatureExtractor.featureNames())) {
            throw new IllegalArgumentException("the model was trained on other features: " + model.featureNames());
        }
        this.features = features;
        this.model = model;
    }

    public DayNightClassifier(DayNightModel model) {
        this(ImageFeatures.standard(), model);
    }

    public static DayNightClassifier load(Path modelFile) throws IOException {
        return fromModel(DayNightModel.load(modelFile), modelFile.toString());
    }

    /** The model packaged from weka-models/ into the classpath. */
    public static DayNightClassifier loadBundled() throws IOException {
        try (InputStream input = DayNightClassifier.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (input == null) {
                throw new IOException("the bundled model " + BUNDLED_MODEL + " is missing from the classpath");
            }
            return fromModel(DayNightModel.load(input), BUNDLED_MODEL);
        }
    }

    private static DayNightClassifier fromModel(DayNightModel model, String source) throws IOException {
        try {
            return new DayNightClassifier(model);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot use the model " + source + ": " + e.getMessage(), e);
        }
    }

    /** An independent copy for another worker thread. */
    public DayNightClassifier copy() {
        return new DayNightClassifier(features, model.copy());
    }

    public Prediction classify(byte[] jpeg) throws ImageDecodeException {
        return model.predict(features.fromJpeg(jpeg));
    }

    /** The model alone, on features already extracted; for the benchmark that times the two apart. */
    public Prediction classifyFeatures(double[] values) {
        return model.predict(values);
    }
}
