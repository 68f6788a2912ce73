package com.daynight.cli;

import com.daynight.classify.Cascade;
import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.DayNightModel;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.Label;
import com.daynight.classify.ModelFile;
import com.daynight.classify.network.SceneNetwork;
import com.daynight.classify.training.BrightnessThreshold;
import com.daynight.classify.training.CascadeStudy;
import com.daynight.classify.training.ConfusionMatrix;
import com.daynight.classify.training.Evaluation;
import com.daynight.classify.training.HoldOut;
import com.daynight.classify.training.ImageFailure;
import com.daynight.classify.training.LabelCorrections;
import com.daynight.classify.training.LabelledFeatures;
import com.daynight.classify.training.LabelledImage;
import com.daynight.classify.training.ModelSelection;
import com.daynight.classify.training.ModelTrainer;
import com.daynight.classify.training.PictureChange;
import com.daynight.classify.training.SvmSettings;
import com.daynight.classify.training.TrainingSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code train --data DIR [--data DIR ...] [--hold-out DIR] [--features scene|statistics] [--corrections FILE]
 * --out FILE}: chooses the SVM's settings by cross-validation on the training pictures, fits the model with them
 * and writes it. With the scene network (the default) it chooses a quick model on the statistics too, and, by
 * cross-validation, whether and from which confidence that quick model decides alone (the cascade). With
 * {@code --hold-out}, that folder's held-out part is kept out of all of it and scores the model at the end.
 */
final class TrainCommand {

    /** The long side of the shrunk hold-out pictures: what a phone's preview or a web page's thumbnail gives. */
    private static final int SMALL_PICTURE = 200;

    private TrainCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--data", "--out", "--features", "--corrections",
                HoldOutOption.NAME));
        options.requireNoPositional();
        List<Path> dataDirs = options.requiredFolders("--data");
        Path modelFile = Path.of(options.required("--out"));
        Optional<HoldOut.Split> holdOut = HoldOutOption.read(options);
        Optional<String> correctionsFile = options.optional("--corrections");
        LabelCorrections corrections = correctionsFile.isPresent()
                ? LabelCorrections.read(Path.of(correctionsFile.get())) : LabelCorrections.none();
        ImageFeatures features = featureSet(options);

        if (holdOut.isPresent()) {
            out.println(HoldOutOption.describe(holdOut.get()) + ", kept out of training and selection");
        }
        List<LabelledFeatures> examples = new ArrayList<>();
        List<LabelledImage> trainingImages = new ArrayList<>();
        for (Path dir : dataDirs) {
            List<LabelledImage> found = DataFolders.read(dir);
            out.printf("data %s: %s%n", dir, DataFolders.counts(found));
            if (holdOut.isPresent()) {
                found = HoldOutOption.without(found, holdOut.get());
            }
            // After the hold-out split, which ranks pictures by their filed label: the hold-out is never corrected.
            found = corrected(found, corrections, out);
            trainingImages.addAll(found);
            TrainingSet part = TrainingSet.extract(found, features, dir.toString());
            for (ImageFailure failure : part.failures()) {
                out.printf("skipped %s: %s%n", failure.file(), failure.message());
            }
            examples.addAll(part.examples());
        }
        List<LabelCorrections.Correction> unmatched = corrections.unmatched(trainingImages);
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("label corrections that name no training picture: "
                    + unmatched.stream().map(LabelCorrections.Correction::path).toList());
        }
        TrainingSet training = new TrainingSet(List.copyOf(examples), List.of());
        out.printf("training on %d pictures (day %d, night %d), %d features each%n", training.examples().size(),
                training.count(Label.DAY), training.count(Label.NIGHT), features.names().size());

        ModelFile trained = features.hasNetwork() ? trainCascade(training.examples(), out)
                : new ModelFile(fit(select("statistics", training.examples(), out), training.examples(), out),
                        Optional.empty());
        Path parent = modelFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Written before the hold-out is scored: predicting moves counters in Weka's kernel cache, which are
        // serialised too, and the file must not depend on what was scored.
        trained.save(modelFile);
        out.printf("wrote %s (%d bytes)%n", modelFile, Files.size(modelFile));
        if (holdOut.isPresent()) {
            DayNightClassifier classifier = new DayNightClassifier(
                    trained.model().featureCount() == ImageFeatures.names(false).size() ? ImageFeatures.standard() : features,
                    trained.model().copy(), trained.cascade().map(Cascade::copy));
            scoreHoldOut(classifier, BrightnessThreshold.fit(training.examples()), holdOut.get().heldOut(), out);
        }

        return Cli.OK;
    }

    /**
     * Both models chosen by cross-validation, then the cascade's threshold; the quick model alone when it wins,
     * the network on every picture when no threshold does as well.
     */
    private static ModelFile trainCascade(List<LabelledFeatures> examples, PrintStream out) {
        int statistics = ImageFeatures.names(false).size();
        List<LabelledFeatures> quickExamples = CascadeStudy.firstFeatures(examples, statistics);
        SvmSettings quickSettings = select("statistics alone (the quick model)", quickExamples, out);
        SvmSettings fullSettings = select("statistics and scene network", examples, out);
        CascadeStudy.Result study = new CascadeStudy().run(examples, statistics, quickSettings, fullSettings);
        out.println("cascade, cross-validated (the quick model decides from its confidence; the rest go to the network):");
        for (CascadeStudy.Row row : study.rows()) {
            out.printf(Locale.ROOT, "  %-22s %s%s  mean %.4f  to the network %.1f %%%n", describe(row.threshold()),
                    row.matrix().accuracyLine(), perSource(row.bySource()), row.meanSourceAccuracy(),
                    100 * row.networkShare());
        }
        double threshold = study.chosen().threshold();
        out.println("chosen (the network on every picture, unless a threshold is right on more than "
                + CascadeStudy.NOISE_PICTURES + " more pictures; then the most accurate, then the cheapest): "
                + describe(threshold));
        if (study.chosen().networkShare() == 0) {
            return new ModelFile(fit(quickSettings, quickExamples, out), Optional.empty());
        }
        DayNightModel full = fit(fullSettings, examples, out);
        if (study.chosen().alwaysNetwork()) {
            return new ModelFile(full, Optional.empty());
        }
        return new ModelFile(full, Optional.of(new Cascade(fit(quickSettings, quickExamples, out), threshold)));
    }

    /**
     * The hold-out, scored once: the model, then, for comparison, the mean-brightness threshold that does best on
     * the training pictures; both again on the same pictures shrunk to 200 pixels, as phones and web pages send them.
     */
    private static void scoreHoldOut(DayNightClassifier classifier, BrightnessThreshold baseline,
            List<LabelledImage> heldOut, PrintStream out) {
        ConfusionMatrix matrix = Evaluation.of(classifier, heldOut).matrix();
        out.println("hold-out:");
        matrix.tableLines().forEach(out::println);
        out.println("hold-out " + matrix.accuracyLine());
        out.println("hold-out, " + baseline + " (fitted on the training pictures): "
                + baseline.evaluate(heldOut, ImageFeatures.standard(), PictureChange.NONE).accuracyLine());
        PictureChange small = PictureChange.shrinkTo(SMALL_PICTURE);
        out.println("hold-out shrunk to " + SMALL_PICTURE + " px, the model: "
                + Evaluation.of(classifier, heldOut, small).matrix().accuracyLine());
        out.println("hold-out shrunk to " + SMALL_PICTURE + " px, " + baseline + ": "
                + baseline.evaluate(heldOut, ImageFeatures.standard(), small).accuracyLine());
    }

    private static String describe(double threshold) {
        return threshold > 1 ? "network always" : threshold <= 0.5 ? "quick model alone"
                : String.format(Locale.ROOT, "quick if sure >= %s", threshold);
    }

    private static SvmSettings select(String what, List<LabelledFeatures> examples, PrintStream out) {
        ModelSelection.Result selection = new ModelSelection().select(examples);
        out.printf("cross-validation on the training pictures, %s (%d folds, seed %d):%n", what,
                ModelSelection.FOLDS, ModelTrainer.DEFAULT_SEED);
        for (ModelSelection.Score score : selection.scores()) {
            out.printf(Locale.ROOT, "  %-34s %s%s  mean %.4f%n", score.settings().describe(),
                    score.matrix().accuracyLine(), perSource(score.bySource()), score.meanSourceAccuracy());
        }
        out.println("chosen (highest mean of the data sets' accuracies, then overall): " + selection.best().describe());
        return selection.best();
    }

    private static DayNightModel fit(SvmSettings settings, List<LabelledFeatures> examples, PrintStream out) {
        DayNightModel model = new ModelTrainer(settings, ModelTrainer.DEFAULT_SEED).train(examples);
        out.printf("fitted %s on %d features: training %s%n", settings.describe(), model.featureCount(),
                Evaluation.ofFeatures(model, examples).accuracyLine());
        return model;
    }

    private static String perSource(Map<String, ConfusionMatrix> bySource) {
        StringBuilder text = new StringBuilder();
        bySource.forEach((source, matrix) -> text.append(String.format(Locale.ROOT, "  %s %.4f",
                Path.of(source).getFileName(), matrix.accuracy())));
        return text.toString();
    }

    private static List<LabelledImage> corrected(List<LabelledImage> images, LabelCorrections corrections,
            PrintStream out) {
        List<LabelCorrections.Applied> applied = new ArrayList<>();
        List<LabelledImage> result = corrections.apply(images, applied);
        for (LabelCorrections.Applied change : applied) {
            out.printf("label corrected %s: %s -> %s (%s)%n", change.file(), change.from().jsonName(),
                    change.to().jsonName(), change.reason());
        }
        return result;
    }

    /** {@code --features scene} (the default): the statistics and the scene network; {@code statistics}: those alone. */
    private static ImageFeatures featureSet(CliOptions options) throws UsageException, IOException {
        String name = options.optional("--features").orElse("scene");
        return switch (name) {
            case "scene" -> ImageFeatures.withNetwork(SceneNetwork.loadBundled());
            case "statistics" -> ImageFeatures.standard();
            default -> throw new UsageException("--features must be scene or statistics, not " + name);
        };
    }
}
