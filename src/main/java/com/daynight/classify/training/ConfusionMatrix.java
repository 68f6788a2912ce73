package com.daynight.classify.training;

import com.daynight.classify.DayNightModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of actual label against predicted label, with a column for pictures that could not be
 * classified: those count against the accuracy instead of vanishing from it.
 */
public final class ConfusionMatrix {

    private static final List<String> LABELS = DayNightModel.LABELS;
    private static final int ERROR_COLUMN = LABELS.size();

    private final long[][] counts = new long[LABELS.size()][LABELS.size() + 1];

    public void add(String actual, String predicted) {
        counts[indexOf(actual)][indexOf(predicted)]++;
    }

    public void addError(String actual) {
        counts[indexOf(actual)][ERROR_COLUMN]++;
    }

    public long count(String actual, String predicted) {
        return counts[indexOf(actual)][indexOf(predicted)];
    }

    public long correct() {
        long correct = 0;
        for (int i = 0; i < LABELS.size(); i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    public double accuracy() {
        return total() == 0 ? 0.0 : (double) correct() / total();
    }

    /** For example {@code accuracy: 0.9812 (157/160)}. */
    public String accuracyLine() {
        return String.format(Locale.ROOT, "accuracy: %.4f (%d/%d)", accuracy(), correct(), total());
    }

    /** The table, rows actual and columns predicted, each labelled. */
    public List<String> tableLines() {
        String format = "%-18s" + "%8s".repeat(LABELS.size() + 1);
        List<String> lines = new ArrayList<>();
        lines.add("confusion matrix (rows: actual, columns: predicted)");
        List<Object> header = new ArrayList<>(List.of("actual \\ predicted"));
        header.addAll(LABELS);
        header.add("error");
        lines.add(String.format(Locale.ROOT, format, header.toArray()));
        for (int i = 0; i < LABELS.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(LABELS.get(i)));
            for (long count : counts[i]) {
                row.add(Long.toString(count));
            }
            lines.add(String.format(Locale.ROOT, format, row.toArray()));
        }
        return lines;
    }

    private static int indexOf(String label) {
        int index = LABELS.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown label: " + label);
        }
        return index;
    }
}
