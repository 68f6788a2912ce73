package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.job.ByteBudget;
import com.daynight.job.ClassifierPool;
import com.daynight.job.DownloadThreads;
import com.daynight.job.ImagePipeline;
import com.daynight.job.WorkMetrics;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.LocalImageStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Images per second of a whole service's image work over a local bucket (listing, reading, decoding,
 * features, model, results handed on in order) with WORKERS = 1, 2 and every core, measured in one run, through
 * the pipeline the workers use (its fetch window, its download threads). Database writes are left out: they are
 * batched, a few per second.
 */
final class ServiceBenchmark {

    private static final int MIN_IMAGES = 3_000;

    private final DayNightClassifier classifier;

    ServiceBenchmark(DayNightClassifier classifier) {
        this.classifier = classifier;
    }

    void run(Path bucketsDir, String bucket, PrintStream out) throws SQLException {
        LocalImageStore store = new LocalImageStore(bucketsDir);
        int cores = Runtime.getRuntime().availableProcessors();
        imagesPerSecond(store, bucket, 2); // warm-up: JIT, file cache
        Run one = imagesPerSecond(store, bucket, 1);
        Run two = imagesPerSecond(store, bucket, 2);
        Run all = cores > 2 ? imagesPerSecond(store, bucket, cores) : two;
        out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.2f | %d: %.0f | %.2f | %.2fx | %.2fx |%n", bucket,
                one.imagesPerSecond, one.coresBusy, two.imagesPerSecond, two.coresBusy, cores, all.imagesPerSecond,
                all.coresBusy, two.imagesPerSecond / one.imagesPerSecond, all.imagesPerSecond / one.imagesPerSecond);
    }

    static void printHeader(PrintStream out) {
        out.println("| bucket | images/s, WORKERS=1 | cores busy | images/s, WORKERS=2 | cores busy "
                + "| images/s, WORKERS=all cores | cores busy | 2 / 1 | all / 1 |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    }

    /**
     * Cores busy: the JVM's CPU time over the wall time, every thread (downloads, GC, JIT) included. Most
     * downloads at once: what the pipeline's fetch window let run together.
     */
    record Run(double imagesPerSecond, double coresBusy, int mostDownloadsAtOnce) {
    }

    /** The bucket through one pipeline as the workers build it, gone through often enough to last seconds. */
    Run imagesPerSecond(ImageStore store, String bucket, int workers) throws SQLException {
        ExecutorService downloads = DownloadThreads.pool();
        try (ClassifierPool classifiers = new ClassifierPool(classifier, workers)) {
            ImagePipeline pipeline = new ImagePipeline(store, downloads, classifiers, Math.max(8, 4 * workers),
                    WorkMetrics.NONE, Long.MAX_VALUE, ByteBudget.unlimited());
            List<ImageObject> listing = new ArrayList<>();
            store.listJpegs(bucket).forEach(listing::add);
            // A small bucket is gone through several times, so a run lasts seconds, not a few hundred ms.
            int rounds = Math.max(1, MIN_IMAGES / listing.size());
            Iterator<ImageObject> images = IntStream.range(0, rounds).boxed()
                    .flatMap(round -> listing.stream()).iterator();
            AtomicInteger done = new AtomicInteger();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            pipeline.run(bucket, images, result -> done.incrementAndGet() > 0, () -> false);
            long wall = System.nanoTime() - start;
            return new Run(done.get() / (wall / 1e9), (processCpuNanos() - cpuStart) / (double) wall,
                    pipeline.mostDownloadsAtOnce());
        } finally {
            downloads.shutdownNow();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
