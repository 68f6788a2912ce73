package com.daynight.bench;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;

/**
 * What this machine gives a second thread, measured in the same run as the service: the 2-thread / 1-thread
 * throughput of (a) a compute loop with eight independent chains, the kind of code that keeps a core's
 * execution units full, and (b) our decode + features over pictures already in memory, with no pipeline,
 * no I/O and no database. On a machine whose two virtual CPUs are full cores both approach 2x; on one whose
 * virtual CPUs share a physical core (SMT siblings) they cannot, whatever the service does.
 */
final class CpuScaling {

    private static final long LOOP_STEPS = 150_000_000L;

    static void printHeader(PrintStream out) {
        out.println("| work, nothing else running in this JVM | 1 thread | 2 threads | ratio |");
        out.println("| --- | --- | --- | --- |");
    }

    void run(List<Path> pictures, PrintStream out) throws IOException, InterruptedException {
        perSecond(2, CpuScaling::independentChains, LOOP_STEPS / 4); // warm-up
        double one = perSecond(1, CpuScaling::independentChains, LOOP_STEPS);
        double two = perSecond(2, CpuScaling::independentChains, LOOP_STEPS);
        out.printf(Locale.ROOT, "| compute loop, 8 independent chains (M steps/s) | %.0f | %.0f | %.2fx |%n",
                one / 1e6, two / 1e6, two / one);

        List<byte[]> jpegs = new ArrayList<>();
        for (Path picture : pictures) {
            jpegs.add(Files.readAllBytes(picture));
        }
        ImageFeatures features = ImageFeatures.standard();
        LongUnaryOperator decodeAll = rounds -> decodeAll(features, jpegs, rounds);
        long rounds = Math.max(1, 3_000 / jpegs.size());
        perSecond(2, decodeAll, rounds); // warm-up
        double decodeOne = perSecond(1, decodeAll, rounds) * jpegs.size();
        double decodeTwo = perSecond(2, decodeAll, rounds) * jpegs.size();
        out.printf(Locale.ROOT, "| our decode + features, pictures in memory (images/s) | %.0f | %.0f | %.2fx |%n",
                decodeOne, decodeTwo, decodeTwo / decodeOne);
    }

    /** Units of work per second over all threads, each thread doing {@code units} units. */
    private static double perSecond(int threads, LongUnaryOperator work, long units) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> work.applyAsLong(units)));
            }
            long sink = 0;
            for (Future<Long> future : running) {
                sink += future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return sink == 42 ? 0 : threads * units / seconds; // sink: the result is used, so nothing is elided
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long independentChains(long steps) {
        long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        for (long i = 0; i < steps; i++) {
            a = a * 31 + i;
            b = b * 37 + i;
            c = c * 41 + i;
            d = d * 43 + i;
            e = (e ^ (e << 1)) + i;
            f = (f ^ (f >>> 3)) + i;
            g = g + (g << 2) + i;
            h = h + (h >>> 5) + i;
        }
        return a + b + c + d + e + f + g + h;
    }

    private static long decodeAll(ImageFeatures features, List<byte[]> jpegs, long rounds) {
        long sink = 0;
        for (long round = 0; round < rounds; round++) {
            for (byte[] jpeg : jpegs) {
                try {
                    sink += (long) (features.fromJpeg(jpeg)[0] * 1000);
                } catch (ImageDecodeException e) {
                    sink++;
                }
            }
        }
        return sink;
    }
}
