package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageDecoder;
import com.daynight.classify.features.FeatureExtractor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a prediction costs beyond decoding, in median microseconds per picture on one thread: the
 * features from the decoded 1/8-scale picture, then the SVM with its calibration.
 */
final class PredictionBenchmark {

    /** Each picture is timed over this many calls, so that the clock's granularity does not matter. */
    private static final int REPEATS = 20;

    private final FeatureExtractor extractor = new FeatureExtractor();
    private final DayNightClassifier classifier;

    PredictionBenchmark(DayNightClassifier classifier) {
        this.classifier = classifier.copy();
    }

    static void printHeader(PrintStream out) {
        out.println("| data set | pictures | DC picture, median pixels | features, µs | SVM + calibration, µs |");
        out.println("| --- | --- | --- | --- | --- |");
    }

    void measure(String dataSet, List<Path> files, PrintStream out) throws IOException {
        List<BufferedImage> pictures = new ArrayList<>();
        ImageDecoder decoder = ImageDecoder.dcOnly();
        for (Path file : files) {
            try {
                pictures.add(decoder.decode(Files.readAllBytes(file)));
            } catch (ImageDecodeException e) {
                // Not the point here: the decode benchmark reports what it cannot read.
            }
        }
        for (int round = 0; round < 3; round++) {
            pictures.forEach(picture -> classifier.classifyFeatures(extractor.extract(picture)));
        }
        double[] pixels = new double[pictures.size()];
        double[] features = new double[pictures.size()];
        double[] model = new double[pictures.size()];
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage picture = pictures.get(i);
            pixels[i] = (double) picture.getWidth() * picture.getHeight();
            long start = System.nanoTime();
            double[] values = null;
            for (int r = 0; r < REPEATS; r++) {
                values = extractor.extract(picture);
            }
            long middle = System.nanoTime();
            for (int r = 0; r < REPEATS; r++) {
                classifier.classifyFeatures(values);
            }
            long end = System.nanoTime();
            features[i] = (middle - start) / 1e3 / REPEATS;
            model[i] = (end - middle) / 1e3 / REPEATS;
        }
        out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f |%n", dataSet, pictures.size(), median(pixels),
                median(features), median(model));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
