package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the cascade by cross-validation on the training pictures: the quick model (statistics alone) decides
 * when its calibrated confidence reaches a threshold, the full model (statistics and scene network) decides the
 * rest. For each threshold: the accuracy per data set and the share of pictures sent to the network.
 * <p>
 * The choice is accuracy first, then cost, with the network on every picture as the default: a threshold
 * replaces it only when it is right on more than {@link #NOISE_PICTURES} more pictures of the training data
 * (a single picture is noise: one fold assignment more or less), and among such thresholds the most accurate,
 * then the cheapest, wins. The default leans on the network because the quick model's confidence is what
 * fails on unfamiliar photos: issue 12 found night-mode phone photos called day with 97-99 % confidence,
 * and a threshold chosen on the training data cannot see that.
 */
public final class CascadeStudy {

    /** A threshold must beat the network on every picture by more than this many pictures to replace it. */
    public static final int NOISE_PICTURES = 1;
    /** 0.5: the quick model always decides; above 1: the network always runs. */
    public static final double[] THRESHOLDS = {0.5, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 1.01};

    private final CrossValidation crossValidation;
    private final int seed;

    public CascadeStudy() {
        this(ModelSelection.FOLDS, ModelTrainer.DEFAULT_SEED);
    }

    public CascadeStudy(int folds, int seed) {
        this.crossValidation = new CrossValidation(folds, seed);
        this.seed = seed;
    }

    /** One threshold's cross-validated result. */
    public record Row(double threshold, ConfusionMatrix matrix, Map<String, ConfusionMatrix> bySource, double networkShare) {

        public double meanSourceAccuracy() {
            return bySource.values().stream().mapToDouble(ConfusionMatrix::accuracy).average().orElse(matrix.accuracy());
        }

        public boolean alwaysNetwork() {
            return threshold > 1;
        }
    }

    public record Result(List<Row> rows, Row chosen) {
    }

    /**
     * @param full examples with every feature; the quick model reads their first {@code quickFeatures} values
     */
    public Result run(List<LabelledFeatures> full, int quickFeatures, SvmSettings quickSettings, SvmSettings fullSettings) {
        List<LabelledFeatures> quick = firstFeatures(full, quickFeatures);
        int[] fold = crossValidation.assign(full);
        double[] quickNight = crossValidation.nightProbabilities(quickSettings, quick, fold, seed);
        double[] fullNight = crossValidation.nightProbabilities(fullSettings, full, fold, seed);
        List<Row> rows = new ArrayList<>();
        for (double threshold : THRESHOLDS) {
            ConfusionMatrix matrix = new ConfusionMatrix();
            Map<String, ConfusionMatrix> bySource = new TreeMap<>();
            int sent = 0;
            for (int i = 0; i < full.size(); i++) {
                double confidence = Math.max(quickNight[i], 1 - quickNight[i]);
                double night = quickNight[i];
                if (confidence < threshold) {
                    sent++;
                    night = fullNight[i];
                }
                Label predicted = night > 0.5 ? Label.NIGHT : Label.DAY;
                Label actual = full.get(i).label();
                matrix.add(actual, predicted);
                bySource.computeIfAbsent(full.get(i).source(), source -> new ConfusionMatrix()).add(actual, predicted);
            }
            rows.add(new Row(threshold, matrix, Collections.unmodifiableMap(bySource), (double) sent / full.size()));
        }
        return new Result(List.copyOf(rows), choose(rows));
    }

    /** The rule of the class comment; the rows must include the network on every picture. */
    static Row choose(List<Row> rows) {
        Row network = rows.stream().filter(Row::alwaysNetwork).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for the network on every picture"));
        Row chosen = network;
        for (Row row : rows) {
            if (row.matrix().correct() <= network.matrix().correct() + NOISE_PICTURES) {
                continue;
            }
            if (chosen == network || row.meanSourceAccuracy() > chosen.meanSourceAccuracy()
                    || row.meanSourceAccuracy() == chosen.meanSourceAccuracy() && row.networkShare() < chosen.networkShare()) {
                chosen = row;
            }
        }
        return chosen;
    }

    /** The examples with only their first {@code count} values: the statistics, without the network's numbers. */
    public static List<LabelledFeatures> firstFeatures(List<LabelledFeatures> examples, int count) {
        return examples.stream().map(example -> new LabelledFeatures(java.util.Arrays.copyOf(example.features(), count),
                example.label(), example.source(), example.group())).toList();
    }
}
