package com.daynight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The confidences of a service's answers as a histogram the page draws in inline SVG (no script, no library):
 * for each step of confidence from 50 % to 100 %, a day bar and a night bar, as tall as their share of the
 * tallest. A reader sees at once whether the model was sure of most pictures, and which to look at first
 * (the gallery sorted by confidence, ascending, shows the least sure).
 */
public final class ConfidencePlot {

    static final int BINS = 10;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 80;

    /** One bar: where the SVG draws it, and what its title says. */
    public record Bar(String kind, int x, int y, int width, int height, String title) {
        public String getKind() {
            return kind;
        }

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }

        public int getWidth() {
            return width;
        }

        public int getHeight() {
            return height;
        }

        public String getTitle() {
            return title;
        }
    }

    private final List<Bar> bars = new ArrayList<>();
    private final int answers;

    /** @param counts day counts then night counts per bin, as ResultsTable.confidenceHistogram gives them */
    ConfidencePlot(int[][] counts) {
        int tallest = 1;
        int sum = 0;
        for (int[] kind : counts) {
            for (int n : kind) {
                tallest = Math.max(tallest, n);
                sum += n;
            }
        }
        answers = sum;
        int step = WIDTH / BINS;
        for (int bin = 0; bin < BINS; bin++) {
            for (int k = 0; k < 2; k++) {
                int n = counts[k][bin];
                int height = n == 0 ? 0 : Math.max(1, Math.round((float) n * HEIGHT / tallest));
                String kind = k == 0 ? "day" : "night";
                bars.add(new Bar(kind, bin * step + 2 + k * (step / 2 - 2), HEIGHT - height, step / 2 - 2, height,
                        String.format(Locale.ROOT, "%d %s, confidence %d-%d%%", n, kind, 50 + bin * 50 / BINS,
                                50 + (bin + 1) * 50 / BINS)));
            }
        }
    }

    public List<Bar> getBars() {
        return bars;
    }

    /** Day and night answers plotted; the page leaves the plot out when there are none. */
    public int getAnswers() {
        return answers;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }
}
