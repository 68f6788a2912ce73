package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one picture costs, stage by stage, in CPU milliseconds of the one thread that does it all (ONNX Runtime
 * runs on the caller's thread, one intra-op thread), averaged over the data set's pictures, read into memory
 * first: the 1/8 decode, the 109 statistics, the scene network (its input and its run), SMO; then the whole
 * classification as shipped (with the cascade, if the model has one) and with the network on every picture.
 */
final class StageBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_ROUNDS = 2;

    private final DayNightClassifier classifier;

    StageBenchmark(DayNightClassifier classifier) {
        this.classifier = classifier.copy();
    }

    static void printHeader(PrintStream out) {
        out.println("| data set | pictures | decode, ms | statistics, ms | network, ms | SMO, ms | all, network always, ms "
                + "| all, as shipped, ms | to the network |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    }

    void measure(String dataSet, List<Path> files, PrintStream out) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (Path file : files) {
            jpegs.add(Files.readAllBytes(file));
        }
        ImageFeatures features = classifier.features();
        List<byte[]> readable = new ArrayList<>();
        List<ImageFeatures.Statistics> decoded = new ArrayList<>();
        for (byte[] jpeg : jpegs) {
            try {
                decoded.add(features.statistics(jpeg));
                readable.add(jpeg);
            } catch (ImageDecodeException e) {
                // Not the point here: the decode benchmark reports what it cannot read.
            }
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            stages(features, readable, decoded);
        }
        double[] stage = stages(features, readable, decoded);
        int quick = 0;
        for (ImageFeatures.Statistics statistics : decoded) {
            quick += classifier.decidedQuickly(statistics.values()) ? 1 : 0;
        }
        long start = cpu();
        for (byte[] jpeg : readable) {
            classify(jpeg);
        }
        double shipped = (cpu() - start) / 1e6 / readable.size();
        double always = stage[0] + stage[1] + stage[2] + stage[3];
        out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %s |%n", dataSet, readable.size(),
                stage[0], stage[1], features.hasNetwork() ? String.format(Locale.ROOT, "%.2f", stage[2]) : "-",
                stage[3], always, shipped, features.hasNetwork()
                        ? String.format(Locale.ROOT, "%.1f %%", 100.0 * (decoded.size() - quick) / decoded.size()) : "-");
    }

    /** Mean CPU ms per picture of: decode, decode and statistics (less the decode), network, model. */
    private double[] stages(ImageFeatures features, List<byte[]> jpegs, List<ImageFeatures.Statistics> decoded) {
        long t0 = cpu();
        for (byte[] jpeg : jpegs) {
            decodeOnly(features, jpeg);
        }
        long t1 = cpu();
        for (byte[] jpeg : jpegs) {
            statistics(features, jpeg);
        }
        long t2 = cpu();
        List<double[]> all = new ArrayList<>();
        for (ImageFeatures.Statistics statistics : decoded) {
            all.add(features.hasNetwork() ? features.withScene(statistics) : statistics.values());
        }
        long t3 = cpu();
        for (double[] values : all) {
            classifier.classifyFeatures(values);
        }
        long t4 = cpu();
        double n = jpegs.size();
        return new double[] {(t1 - t0) / 1e6 / n, ((t2 - t1) - (t1 - t0)) / 1e6 / n, (t3 - t2) / 1e6 / n,
            (t4 - t3) / 1e6 / n};
    }

    private static void decodeOnly(ImageFeatures features, byte[] jpeg) {
        try {
            features.decode(jpeg);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("decoded before, not now", e);
        }
    }

    private static void statistics(ImageFeatures features, byte[] jpeg) {
        try {
            features.statistics(jpeg);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("decoded before, not now", e);
        }
    }

    private void classify(byte[] jpeg) {
        try {
            classifier.classify(jpeg);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("decoded before, not now", e);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
