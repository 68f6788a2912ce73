package com.daynight.classify;

import java.io.IOException;
import java.nio.file.Path;

/** Placeholder until the classifier lands (replaced by the real implementation). */
public final class DayNightClassifier {
    public static DayNightClassifier load(Path modelFile) throws IOException {
        throw new IOException("not yet");
    }

    public static DayNightClassifier loadBundled() throws IOException {
        throw new IOException("not yet");
    }

    public DayNightClassifier copy() {
        return this;
    }

    public Prediction classify(byte[] jpeg) throws ImageDecodeException {
        throw new ImageDecodeException("not yet");
    }
}
