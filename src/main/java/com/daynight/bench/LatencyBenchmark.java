package com.daynight.bench;

import com.daynight.storage.DelayedImageStore;
import com.daynight.storage.LocalImageStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The same local bucket behind a store that waits 0, 30 and 100 ms per read ({@link DelayedImageStore}, as a
 * remote object store's round trip), with WORKERS = every core, in one run: images/s, their share of the 0 ms
 * figure, and the most downloads the fetch window let run at once.
 */
final class LatencyBenchmark {

    private static final int[] DELAYS_MILLIS = {0, 30, 100};
    private static final int ROUNDS = 2;

    private final ServiceBenchmark service;

    LatencyBenchmark(ServiceBenchmark service) {
        this.service = service;
    }

    static void printHeader(PrintStream out) {
        out.println("| bucket, round | per read | images/s, WORKERS=all cores | share of 0 ms | most downloads at once "
                + "| cores busy | images per CPU second |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
    }

    /**
     * Rounds of 0, 30, 100 ms one after the other, each compared with its own round's 0 ms: on a shared machine
     * the CPU this process gets changes from minute to minute, which images per CPU second shows.
     */
    void run(Path bucketsDir, String bucket, PrintStream out) throws SQLException {
        LocalImageStore local = new LocalImageStore(bucketsDir);
        int workers = Runtime.getRuntime().availableProcessors();
        service.imagesPerSecond(local, bucket, workers); // warm-up: JIT, file cache
        for (int round = 1; round <= ROUNDS; round++) {
            double base = 0;
            for (int millis : DELAYS_MILLIS) {
                ServiceBenchmark.Run run = service.imagesPerSecond(
                        new DelayedImageStore(local, Duration.ofMillis(millis)), bucket, workers);
                if (millis == 0) {
                    base = run.imagesPerSecond();
                }
                out.printf(Locale.ROOT, "| %s, %d | %d ms | %.0f | %.0f %% | %d | %.2f | %.0f |%n", bucket, round,
                        millis, run.imagesPerSecond(), 100 * run.imagesPerSecond() / base, run.mostDownloadsAtOnce(),
                        run.coresBusy(), run.imagesPerSecond() / run.coresBusy());
            }
        }
    }
}
