package com.daynight.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * A model file as {@code train} writes it, with Weka's {@code SerializationHelper.writeAll}: the deciding
 * classifier and its training header, then, for a cascade, the quick classifier, its header and the confidence
 * threshold. The headers carry the attribute names, so a loaded model knows the features it needs.
 */
public record ModelFile(DayNightModel model, Optional<Cascade> cascade) {

    public void save(Path file) throws IOException {
        Object[] parts = cascade.isEmpty()
                ? new Object[] {model.classifier(), model.header()}
                : new Object[] {model.classifier(), model.header(), cascade.get().quick().classifier(),
                    cascade.get().quick().header(), cascade.get().confidence()};
        try {
            SerializationHelper.writeAll(file.toString(), parts);
        } catch (Exception e) {
            throw new IOException("could not write the model to " + file + ": " + e.getMessage(), e);
        }
    }

    public static ModelFile load(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            return load(input, file.toString());
        }
    }

    public static ModelFile load(InputStream input, String source) throws IOException {
        Object[] parts;
        try {
            parts = SerializationHelper.readAll(input);
        } catch (Exception e) {
            throw new IOException("not a DayNight model: " + source + " (" + e.getMessage() + ")", e);
        }
        try {
            DayNightModel model = model(parts, 0, source);
            if (parts.length == 2) {
                return new ModelFile(model, Optional.empty());
            }
            if (parts.length != 5 || !(parts[4] instanceof Double confidence)) {
                throw new IOException("not a DayNight model: " + source + " holds " + parts.length + " parts");
            }
            return new ModelFile(model, Optional.of(new Cascade(model(parts, 2, source), confidence)));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a DayNight model: " + source + ": " + e.getMessage(), e);
        }
    }

    private static DayNightModel model(Object[] parts, int at, String source) throws IOException {
        if (parts.length < at + 2 || !(parts[at] instanceof Classifier classifier)
                || !(parts[at + 1] instanceof Instances header)) {
            throw new IOException("not a DayNight model: " + source + " holds no classifier with its data header");
        }
        return new DayNightModel(classifier, header);
    }
}
