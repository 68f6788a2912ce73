package com.daynight.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libjpeg-turbo's own benchmark (tjbench, Debian package libjpeg-turbo-progs) decoding at 1/8 scale: the
 * reference our decoder is measured against. tjbench reports megapixels per second of wall time, which on a
 * shared, loaded machine counts the time other processes had the core; so its CPU time is taken too (the shell's
 * {@code times} after it) and divided by the decodes it made (its rate x its bench time / the picture's
 * megapixels). Start-up and reading the file are in that CPU time, a few per cent against libjpeg-turbo.
 */
final class LibjpegTurbo {

    private static final Path TJBENCH = Path.of("/usr/bin/tjbench");
    private static final double BENCH_SECONDS = 0.5;
    /** bash's {@code times}: the second line is the children's user and system time, e.g. "0m0.412s 0m0.010s". */
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s\\s*$");

    private LibjpegTurbo() {
    }

    static boolean available() {
        return Files.isExecutable(TJBENCH);
    }

    /** CPU milliseconds to decode {@code jpeg} at 1/8 scale, or empty when tjbench cannot say. */
    static Optional<Double> millisAtEighth(Path jpeg, int width, int height) throws IOException, InterruptedException {
        String command = TJBENCH + " \"$0\" -scale 1/8 -benchtime " + BENCH_SECONDS
                + " -warmup 0 -quiet -nowrite; times";
        Process tjbench = new ProcessBuilder("bash", "-c", command, jpeg.toString()).redirectErrorStream(true).start();
        String output = new String(tjbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tjbench.waitFor(60, TimeUnit.SECONDS)) {
            tjbench.destroyForcibly();
            return Optional.empty();
        }
        String[] lines = output.strip().split("\n");
        Matcher children = TIMES.matcher(lines[lines.length - 1].trim());
        String[] columns = resultRow(lines);
        if (columns.length == 0) {
            return Optional.empty();
        }
        try {
            double megapixelsPerSecond = Double.parseDouble(columns[columns.length - 1].toLowerCase(Locale.ROOT));
            double megapixels = width * (double) height / 1e6;
            if (!children.find() || megapixelsPerSecond <= 0) {
                return Optional.empty();
            }
            double cpuSeconds = Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
                    + Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4));
            double decodes = megapixelsPerSecond * BENCH_SECONDS / megapixels;
            return Optional.of(cpuSeconds / decodes * 1000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** tjbench's result: the last line of eight or more columns (format, colour space, ..., decode rate). */
    private static String[] resultRow(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] columns = lines[i].trim().split("\\s+");
            if (columns.length >= 8) {
                return columns;
            }
        }
        return new String[0];
    }
}
