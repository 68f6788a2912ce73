package com.daynight.classify.training;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a webcam frame was taken, read from names like {@code 20151102_231132.jpg}: frames of one day
 * are near copies, so cross-validation keeps them in one fold to measure how a model does on a new day.
 * Used for grouping the folds only, never as evidence.
 */
final class CaptureDay {

    private static final Pattern TIMESTAMPED = Pattern.compile("(\\d{8})_\\d{6}\\.[A-Za-z]+");

    private CaptureDay() {
    }

    /** The {@code yyyyMMdd} prefix, or empty when the name is not a timestamp. */
    static String of(Path file) {
        Matcher matcher = TIMESTAMPED.matcher(file.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : "";
    }
}
