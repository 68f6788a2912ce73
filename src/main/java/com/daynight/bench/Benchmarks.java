package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.training.JpegFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The figures the model card and docs/measurements.md quote: what each stage of a classification costs; per data set, ms per image the ordinary Java way, our way and
 * libjpeg-turbo's; then a whole service's images per second with one and two classifying threads.
 * Ratios are what to compare: the machines are shared and absolute times wander.
 */
public final class Benchmarks {

    /** Every n-th pexels photo: a fixed, spread-out sample that keeps the run to a few minutes. */
    private static final int PEXELS_STRIDE = 5;
    private static final int SYNTHETIC_PHOTOS = 4;
    private static final String ALL_TABLES = "stages,cheap,decode,service,latency,cpu,instances";

    private final Path datasets;
    private final Path workDir;
    private final PrintStream out;

    public Benchmarks(Path datasets, Path workDir, PrintStream out) {
        this.datasets = datasets;
        this.workDir = workDir;
        this.out = out;
    }

    public void run(DayNightClassifier classifier) throws IOException, InterruptedException, SQLException {
        out.printf(Locale.ROOT, "java %s, %d cores; libjpeg-turbo (tjbench) %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), LibjpegTurbo.available() ? "found" : "not installed");
        Set<String> tables = tables();
        // Each folder is listed once, then reused by the tables below.
        List<Path> amosTest = jpegs(datasets.resolve("amos-day-night/test"));
        List<Path> pexels = jpegs(datasets.resolve("pexels-day-night/train"));
        if (tables.contains("stages")) {
            StageBenchmark stages = new StageBenchmark(classifier);
            StageBenchmark.printHeader(out);
            stages.measure("amos-day-night (test)", amosTest, out);
            stages.measure("pexels-day-night (all)", pexels, out);
            out.println();
        }
        if (tables.contains("cheap")) {
            CheapPathBenchmark.printHeader(out);
            new CheapPathBenchmark(classifier).measure("amos-day-night (test)", amosTest, out);
            out.println();
        }
        if (tables.contains("decode")) {
            DecodeBenchmark decode = new DecodeBenchmark();
            DecodeBenchmark.printHeader(out);
            decode.measure("amos-day-night (test)", amosTest).print(out);
            decode.measure("pexels-day-night (every " + PEXELS_STRIDE + "th)", everyNth(pexels, PEXELS_STRIDE)).print(out);
            decode.measure("12 MP baseline (generated)",
                    SyntheticPhotos.write(workDir, SYNTHETIC_PHOTOS, false, 1)).print(out);
            decode.measure("12 MP progressive (generated)",
                    SyntheticPhotos.write(workDir, SYNTHETIC_PHOTOS, true, 1)).print(out);
            out.println();
        }
        ServiceBenchmark service = new ServiceBenchmark(classifier);
        if (tables.contains("service")) {
            ServiceBenchmark.printHeader(out);
            service.run(datasets.resolve("amos-day-night"), "test", out);
            service.run(datasets.resolve("pexels-day-night"), "train", out);
            out.println();
        }
        if (tables.contains("latency")) {
            LatencyBenchmark.printHeader(out);
            new LatencyBenchmark(service).run(datasets.resolve("amos-day-night"), "test", out);
            out.println();
        }
        if (tables.contains("cpu")) {
            CpuScaling.printHeader(out);
            new CpuScaling().run(amosTest, out);
        }
        if (tables.contains("instances")) {
            out.println();
            InstancesBenchmark.printHeader(out);
            new InstancesBenchmark(classifier).run(datasets.resolve("amos-day-night"), "test", workDir, out);
        }
    }

    /**
     * The tables to print: all, or those named in the system property {@code daynight.bench.tables} (stages,
     * cheap, decode, service, latency, cpu, instances; comma-separated). {@code daynight.bench.stagesOnly} means stages.
     */
    private static Set<String> tables() {
        if (Boolean.getBoolean("daynight.bench.stagesOnly")) {
            return Set.of("stages");
        }
        if (Boolean.getBoolean("daynight.bench.instancesOnly")) {
            return Set.of("instances");
        }
        String named = System.getProperty("daynight.bench.tables", ALL_TABLES);
        return Set.copyOf(java.util.Arrays.asList(named.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
    }

    private static List<Path> jpegs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no data set at " + folder + ": give --datasets DIR (the folder holding the data sets)");
        }
        return JpegFiles.below(folder);
    }

    private static List<Path> everyNth(List<Path> all, int stride) {
        return IntStream.range(0, all.size()).filter(i -> i % stride == 0).mapToObj(all::get).toList();
    }
}
