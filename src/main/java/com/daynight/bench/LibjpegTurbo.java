package com.daynight.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * libjpeg-turbo's own benchmark (tjbench, Debian package libjpeg-turbo-progs) decoding at 1/8 scale: the
 * reference our decoder is measured against. It times decoding inside one process, so process start-up
 * does not count; it reports megapixels of the full picture per second.
 */
final class LibjpegTurbo {

    private static final Path TJBENCH = Path.of("/usr/bin/tjbench");

    private LibjpegTurbo() {
    }

    static boolean available() {
        return Files.isExecutable(TJBENCH);
    }

    /** Milliseconds to decode {@code jpeg} at 1/8 scale, or empty when tjbench cannot say. */
    static Optional<Double> millisAtEighth(Path jpeg, int width, int height) throws IOException, InterruptedException {
        Process tjbench = new ProcessBuilder(TJBENCH.toString(), jpeg.toString(), "-scale", "1/8",
                "-benchtime", "0.3", "-warmup", "0", "-quiet", "-nowrite").redirectErrorStream(true).start();
        String output = new String(tjbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tjbench.waitFor(60, TimeUnit.SECONDS)) {
            tjbench.destroyForcibly();
            return Optional.empty();
        }
        String[] lines = output.strip().split("\n");
        String[] columns = lines[lines.length - 1].trim().split("\\s+");
        try {
            double megapixelsPerSecond = Double.parseDouble(columns[columns.length - 1].toLowerCase(Locale.ROOT));
            return Optional.of(width * (double) height / 1e6 / megapixelsPerSecond * 1000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
