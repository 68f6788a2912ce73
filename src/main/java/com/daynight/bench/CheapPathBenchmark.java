package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.features.FeatureExtractor;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.Prediction;
import com.daynight.classify.training.JpegFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cheap path end to end on one thread, as {@code classify} runs it (read the file, decode at 1/8, the 109
 * statistics, the scene network, SMO, one JSON line), each picture's CPU and allocation split by stage with
 * the thread's own clocks, next to libjpeg-turbo decoding the same files at 1/8 scale: the floor for a baseline
 * JPEG. The goal leaves the network aside, so the sum leaves it out (it is printed, and the model card
 * has it); the main model decides every picture (no cascade). GC is the collectors' time during the loop, on
 * their own threads. The network's run also costs the stages after it their warm caches: see {@link #measure}.
 */
final class CheapPathBenchmark {

    /** 160 test frames 20 times: the 3,200 pictures of the issue. */
    private static final int ROUNDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The stages of one picture, in the order they run; the network is timed but left out of the sum. */
    private static final String[] STAGES = {"read", "decode 1/8", "statistics", "network (aside)", "SMO", "JSON"};
    private static final int NETWORK = 3;

    private final DayNightClassifier classifier;
    private final ImageFeatures features;
    private final FeatureExtractor extractor = new FeatureExtractor();

    CheapPathBenchmark(DayNightClassifier classifier) {
        this.classifier = classifier.copy();
        this.features = this.classifier.features();
    }

    static void printHeader(PrintStream out) {
        StringBuilder header = new StringBuilder("| data set | pictures |");
        for (String stage : STAGES) {
            header.append(' ').append(stage).append(", ms (KB) |");
        }
        out.println(header.append(" end to end less the network, ms | GC, ms | libjpeg-turbo 1/8, ms "
                + "| end to end / libjpeg-turbo |"));
        out.println("| --- | --- |" + " --- |".repeat(STAGES.length + 4));
    }

    /**
     * Two rows: the path as {@code classify} runs it, the network's time left out of the sum; and the same path
     * with the network's numbers looked up (computed before), so that its run does not evict the decoder's and
     * SMO's data from the caches either: the path as it would cost if the network were free.
     */
    void measure(String dataSet, List<Path> files, PrintStream out) throws IOException, InterruptedException {
        List<Path> pictures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            pictures.addAll(files);
        }
        Map<Path, double[]> precomputed = new HashMap<>();
        Stamps warmUp = new Stamps();
        for (int round = 0; round < 3; round++) {
            files.forEach(file -> precomputed.put(file, classify(file, warmUp, null)));
        }
        double turbo = libjpegTurboMean(files);
        print(dataSet + ", network run", pictures, null, turbo, out);
        print(dataSet + ", network precomputed", pictures, precomputed, turbo, out);
    }

    private void print(String row, List<Path> pictures, Map<Path, double[]> precomputed, double turbo,
                       PrintStream out) {
        Stamps stamps = new Stamps();
        long gcBefore = gcMillis();
        pictures.forEach(file -> classify(file, stamps, precomputed));
        double n = pictures.size();
        double gc = (gcMillis() - gcBefore) / n;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", row, pictures.size()));
        double sum = 0;
        for (int stage = 0; stage < STAGES.length; stage++) {
            double millis = stamps.cpuNanos[stage] / 1e6 / n;
            sum += stage == NETWORK ? 0 : millis;
            line.append(String.format(Locale.ROOT, " %.3f (%.0f) |", millis, stamps.allocated[stage] / 1024.0 / n));
        }
        line.append(String.format(Locale.ROOT, " %.3f | %.3f | %s | %s |", sum, gc,
                Double.isNaN(turbo) ? "n/a" : String.format(Locale.ROOT, "%.3f", turbo),
                Double.isNaN(turbo) ? "n/a" : String.format(Locale.ROOT, "%.2fx (%.2fx with GC)", sum / turbo,
                        (sum + gc) / turbo)));
        out.println(line);
    }

    /**
     * What {@code classify} does with one file, each stage's CPU and allocation added to {@code stamps}; the
     * model's input comes from {@code precomputed} when given. Returns the model's input.
     */
    private double[] classify(Path file, Stamps stamps, Map<Path, double[]> precomputed) {
        stamps.start();
        byte[] jpeg = read(file);
        stamps.stage(0);
        BufferedImage small = decode(jpeg);
        stamps.stage(1);
        double[] values = extractor.extract(small);
        stamps.stage(2);
        double[] all = precomputed != null ? precomputed.get(file) : features.hasNetwork()
                ? features.withScene(new ImageFeatures.Statistics(jpeg, small, values)) : values;
        stamps.stage(NETWORK);
        Prediction prediction = classifier.classifyFeatures(all);
        stamps.stage(4);
        jsonLine(file, prediction);
        stamps.stage(5);
        return all;
    }

    /** CPU time and bytes allocated by this thread, per stage. */
    private static final class Stamps {
        final long[] cpuNanos = new long[STAGES.length];
        final long[] allocated = new long[STAGES.length];
        private long lastCpu;
        private long lastAllocated;

        void start() {
            lastCpu = THREADS.getCurrentThreadCpuTime();
            lastAllocated = THREADS.getCurrentThreadAllocatedBytes();
        }

        void stage(int stage) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            cpuNanos[stage] += cpu - lastCpu;
            allocated[stage] += bytes - lastAllocated;
            lastCpu = cpu;
            lastAllocated = bytes;
        }
    }

    private static byte[] read(Path file) {
        try {
            return JpegFiles.readBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line {@code classify} prints (built the same way, with Jackson), not written anywhere. */
    private static String jsonLine(Path file, Prediction prediction) {
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("image", file.toString())
                    .put("result", prediction.label().jsonName())
                    .put("confidence", Math.round(prediction.confidence() * 10_000) / 10_000.0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BufferedImage decode(byte[] jpeg) {
        try {
            return features.decode(jpeg);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("the benchmark's pictures all decode", e);
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** Mean ms over every file (not a sample): the same pictures as ours. NaN without tjbench. */
    private static double libjpegTurboMean(List<Path> files) throws IOException, InterruptedException {
        if (!LibjpegTurbo.available()) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (Path file : files) {
            int[] size = DecodeBenchmark.dimensions(file);
            java.util.Optional<Double> millis = LibjpegTurbo.millisAtEighth(file, size[0], size[1]);
            if (millis.isPresent()) {
                sum += millis.get();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
