package com.daynight.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses SMO's kernel, complexity and data set balance by cross-validation on the training examples
 * only. Each candidate is scored on every data set (source) apart: the highest mean of the data sets'
 * accuracies wins, then the highest accuracy over all, then the earlier (simpler) candidate. So every
 * data set counts as much, and a large one cannot buy its accuracy with a small one's.
 */
public final class ModelSelection {

    /**
     * Linear, quadratic and RBF kernels over a small grid of C, each with data set balance 0, 1 and 2;
     * the attributes are standardised first.
     */
    public static final List<SvmSettings> STANDARD_GRID = standardGrid();
    public static final int FOLDS = 5;

    private final List<SvmSettings> grid;
    private final CrossValidation crossValidation;
    private final int seed;

    public ModelSelection() {
        this(STANDARD_GRID, FOLDS, ModelTrainer.DEFAULT_SEED);
    }

    public ModelSelection(List<SvmSettings> grid, int folds, int seed) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("no candidate settings");
        }
        this.grid = List.copyOf(grid);
        this.crossValidation = new CrossValidation(folds, seed);
        this.seed = seed;
    }

    /** One candidate's cross-validated predictions, over all and per data set (source). */
    public record Score(SvmSettings settings, ConfusionMatrix matrix, Map<String, ConfusionMatrix> bySource) {

        /** The mean of the data sets' accuracies; the overall one when the examples name no data set. */
        public double meanSourceAccuracy() {
            return bySource.values().stream().mapToDouble(ConfusionMatrix::accuracy).average().orElse(matrix.accuracy());
        }

        boolean beats(Score other) {
            int byMean = Double.compare(meanSourceAccuracy(), other.meanSourceAccuracy());
            return byMean > 0 || byMean == 0 && matrix.correct() > other.matrix.correct();
        }
    }

    /** Every candidate's score in grid order, and the chosen settings. */
    public record Result(List<Score> scores, SvmSettings best) {
    }

    /** @throws IllegalArgumentException when a label has no example */
    public Result select(List<LabelledFeatures> examples) {
        List<Score> scores = new ArrayList<>();
        Score best = null;
        int[] fold = crossValidation.assign(examples);
        for (SvmSettings settings : grid) {
            CrossValidation.Scores validated = crossValidation.runPerSource(settings, examples, fold, seed);
            Score score = new Score(settings, validated.overall(), validated.bySource());
            scores.add(score);
            if (best == null || score.beats(best)) {
                best = score;
            }
        }
        return new Result(List.copyOf(scores), best.settings());
    }

    private static List<SvmSettings> standardGrid() {
        List<SvmSettings> grid = new ArrayList<>();
        for (double balance : new double[] {0, 1, 2}) {
            for (SvmSettings kernel : kernelGrid()) {
                grid.add(kernel.withBalance(balance));
            }
        }
        return List.copyOf(grid);
    }

    private static List<SvmSettings> kernelGrid() {
        List<SvmSettings> grid = new ArrayList<>();
        for (double c : new double[] {0.1, 1, 10}) {
            grid.add(SvmSettings.linear(c));
        }
        for (double c : new double[] {0.1, 1}) {
            grid.add(SvmSettings.polynomial(2, c));
        }
        for (double gamma : new double[] {0.003, 0.01, 0.03}) {
            for (double c : new double[] {1, 3, 10, 30}) {
                grid.add(SvmSettings.rbf(gamma, c));
            }
        }
        return List.copyOf(grid);
    }
}
