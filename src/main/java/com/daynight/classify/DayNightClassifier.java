package com.daynight.classify;

import com.daynight.classify.network.SceneNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JPEG bytes in, day or night out. The model's attribute names say which features it needs: the 109 statistics
 * alone, or those and the scene network's numbers (then the bundled network is loaded beside it). With a
 * {@link Cascade}, the quick model on the statistics decides the pictures it is sure of and the network runs for
 * the rest only. Not thread-safe (see {@link DayNightModel}): use one instance per thread, made with
 * {@link #copy()}; copies share the network, which is.
 */
public final class DayNightClassifier implements AutoCloseable {

    public static final String BUNDLED_MODEL = "/weka-models/daynight.model";

    private final ImageFeatures features;
    private final DayNightModel model;
    private final Optional<Cascade> cascade;

    public DayNightClassifier(ImageFeatures features, DayNightModel model, Optional<Cascade> cascade) {
        if (!model.featureNames().equals(features.names())) {
            throw new IllegalArgumentException("the model was trained on other features: " + model.featureNames().size()
                    + " values, these give " + features.names().size());
        }
        if (cascade.isPresent() && (!features.hasNetwork()
                || !cascade.get().quick().featureNames().equals(ImageFeatures.names(false)))) {
            throw new IllegalArgumentException("a cascade needs a quick model on the statistics before a model "
                    + "with the scene network");
        }
        this.features = features;
        this.model = model;
        this.cascade = cascade;
    }

    public DayNightClassifier(ImageFeatures features, DayNightModel model) {
        this(features, model, Optional.empty());
    }

    public static DayNightClassifier load(Path modelFile) throws IOException {
        return fromFile(ModelFile.load(modelFile), modelFile.toString());
    }

    /** The model packaged from weka-models/ into the classpath. */
    public static DayNightClassifier loadBundled() throws IOException {
        try (InputStream input = DayNightClassifier.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (input == null) {
                throw new IOException("the bundled model " + BUNDLED_MODEL + " is missing from the classpath");
            }
            return fromFile(ModelFile.load(input, BUNDLED_MODEL), BUNDLED_MODEL);
        }
    }

    private static DayNightClassifier fromFile(ModelFile file, String source) throws IOException {
        boolean withNetwork = file.model().featureNames().equals(ImageFeatures.names(true));
        ImageFeatures features = withNetwork ? ImageFeatures.withNetwork(SceneNetwork.loadBundled()) : ImageFeatures.standard();
        try {
            return new DayNightClassifier(features, file.model(), file.cascade());
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot use the model " + source + ": " + e.getMessage(), e);
        }
    }

    /** An independent copy for another worker thread. */
    public DayNightClassifier copy() {
        return new DayNightClassifier(features, model.copy(), cascade.map(Cascade::copy));
    }

    public Prediction classify(byte[] jpeg) throws ImageDecodeException {
        ImageFeatures.Statistics statistics = features.statistics(jpeg);
        if (!features.hasNetwork()) {
            return model.predict(statistics.values());
        }
        return quickAnswer(statistics.values()).orElseGet(() -> model.predict(features.withScene(statistics)));
    }

    /** Whether a picture with these statistics is decided without the network; for the benchmark's share. */
    public boolean decidedQuickly(double[] statistics) {
        return !features.hasNetwork() || quickAnswer(statistics).isPresent();
    }

    /** The cascade's quick model's answer, when there is a cascade and it is sure enough. */
    private Optional<Prediction> quickAnswer(double[] statistics) {
        return cascade.map(c -> c.quick().predict(statistics)).filter(p -> p.confidence() >= cascade.get().confidence());
    }

    /** The model alone, on features already extracted; for the benchmark that times the stages apart. */
    public Prediction classifyFeatures(double[] values) {
        return model.predict(values);
    }

    /** The feature extraction this classifier uses; for the benchmark that times the stages apart. */
    public ImageFeatures features() {
        return features;
    }

    public Optional<Cascade> cascade() {
        return cascade;
    }

    /** Frees the scene network's native session, which every copy shares: call it once, when no copy is in use. */
    @Override
    public void close() {
        features.close();
    }
}
