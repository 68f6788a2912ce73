package com.daynight.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses SMO's kernel and complexity by stratified cross-validation on the training examples only:
 * the candidate with the highest cross-validated accuracy wins, the earlier (simpler) one on a tie.
 */
public final class ModelSelection {

    /** Linear, quadratic and RBF kernels over a small grid of C; the attributes are standardised first. */
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

    /** One candidate's cross-validated predictions. */
    public record Score(SvmSettings settings, ConfusionMatrix matrix) {
    }

    /** Every candidate's score in grid order, and the chosen settings. */
    public record Result(List<Score> scores, SvmSettings best) {
    }

    /** @throws IllegalArgumentException when a label has no example */
    public Result select(List<LabelledFeatures> examples) {
        List<Score> scores = new ArrayList<>();
        Score best = null;
        for (SvmSettings settings : grid) {
            Score score = new Score(settings, crossValidation.run(settings, examples, seed));
            scores.add(score);
            if (best == null || score.matrix().correct() > best.matrix().correct()) {
                best = score;
            }
        }
        return new Result(List.copyOf(scores), best.settings());
    }

    private static List<SvmSettings> standardGrid() {
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
