package com.daynight.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bundled model's figures as weka-models/MODEL_CARD.md states them, in its table under the heading
 * {@value #HEADING}: the one place they are written, so that the tests that check the model cannot drift
 * from the card. The table is checked as it is read; a card that contradicts itself fails every user.
 */
public final class ModelCard {

    /** Relative to the project folder, where Maven runs the tests. */
    static final Path FILE = Path.of("weka-models", "MODEL_CARD.md");
    static final String HEADING = "### Figures checked by the tests";
    private static final List<String> COLUMNS = List.of("data set", "pictures", "correct", "accuracy",
            "day as day", "day as night", "night as day", "night as night");

    /** One data set's row. */
    public record Figures(String dataSet, long pictures, long correct, String accuracy, long dayAsDay,
            long dayAsNight, long nightAsDay, long nightAsNight) {

        /** The last line {@code evaluate} prints for this data set ({@code ConfusionMatrix.accuracyLine()}). */
        public String accuracyLine() {
            return "accuracy: " + accuracy + " (" + correct + "/" + pictures + ")";
        }
    }

    private ModelCard() {
    }

    /** @param dataSet the row's first cell, e.g. {@code amos-day-night/test} */
    public static Figures figures(String dataSet) {
        return rows().stream().filter(row -> row.dataSet().equals(dataSet)).findFirst()
                .orElseThrow(() -> new IllegalStateException(FILE + " has no row for " + dataSet + " under " + HEADING));
    }

    static List<Figures> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model card " + FILE.toAbsolutePath(), e);
        }
        int heading = lines.indexOf(HEADING);
        if (heading < 0) {
            throw new IllegalStateException(FILE + " lacks the heading " + HEADING);
        }
        List<List<String>> table = table(lines.subList(heading + 1, lines.size()));
        if (table.size() < 2 || !table.get(0).equals(COLUMNS)) {
            throw new IllegalStateException(FILE + ": the table under " + HEADING + " must have the columns " + COLUMNS);
        }
        List<Figures> rows = new ArrayList<>();
        for (List<String> cells : table.subList(2, table.size())) {
            rows.add(checked(cells));
        }
        return rows;
    }

    /** The first Markdown table's rows, split into trimmed cells; the separator row included. */
    private static List<List<String>> table(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("|")) {
                String inner = line.strip().substring(1, line.strip().length() - 1);
                rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList());
            } else if (!rows.isEmpty() || line.startsWith("#")) {
                break;
            }
        }
        return rows;
    }

    private static Figures checked(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalStateException(FILE + ": row " + cells + " does not have " + COLUMNS.size() + " cells");
        }
        Figures row = new Figures(cells.get(0), number(cells, 1), number(cells, 2), cells.get(3), number(cells, 4),
                number(cells, 5), number(cells, 6), number(cells, 7));
        String accuracy = String.format(Locale.ROOT, "%.4f", (double) row.correct() / row.pictures());
        if (row.correct() != row.dayAsDay() + row.nightAsNight()
                || row.pictures() != row.dayAsDay() + row.dayAsNight() + row.nightAsDay() + row.nightAsNight()
                || !row.accuracy().equals(accuracy)) {
            throw new IllegalStateException(FILE + ": the figures of " + row.dataSet() + " do not add up: " + cells);
        }
        return row;
    }

    private static long number(List<String> cells, int column) {
        try {
            return Long.parseLong(cells.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(FILE + ": " + COLUMNS.get(column) + " of " + cells.get(0) + " is not a count");
        }
    }
}
