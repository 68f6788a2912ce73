package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of actual label against predicted label, with a column for pictures that could not be
 * classified: those count against the accuracy instead of vanishing from it.
 */
public final class ConfusionMatrix {

    private static final List<Label> LABELS = List.of(Label.values());
    private static final int ERROR_COLUMN = LABELS.size();

    private final long[][] counts = new long[LABELS.size()][LABELS.size() + 1];

    public void add(Label actual, Label predicted) {
        counts[actual.ordinal()][predicted.ordinal()]++;
    }

    public void addError(Label actual) {
        counts[actual.ordinal()][ERROR_COLUMN]++;
    }

    public long count(Label actual, Label predicted) {
        return counts[actual.ordinal()][predicted.ordinal()];
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
        LABELS.forEach(label -> header.add(label.jsonName()));
        header.add("error");
        lines.add(String.format(Locale.ROOT, format, header.toArray()));
        for (int i = 0; i < LABELS.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(LABELS.get(i).jsonName()));
            for (long count : counts[i]) {
                row.add(Long.toString(count));
            }
            lines.add(String.format(Locale.ROOT, format, row.toArray()));
        }
        return lines;
    }
}
