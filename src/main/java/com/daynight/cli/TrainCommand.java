package com.daynight.cli;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.DayNightModel;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.Label;
import com.daynight.classify.training.ConfusionMatrix;
import com.daynight.classify.training.Evaluation;
import com.daynight.classify.training.HoldOut;
import com.daynight.classify.training.ImageFailure;
import com.daynight.classify.training.LabelledFeatures;
import com.daynight.classify.training.LabelledImage;
import com.daynight.classify.training.ModelSelection;
import com.daynight.classify.training.ModelTrainer;
import com.daynight.classify.training.TrainingSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code train --data DIR [--data DIR ...] [--hold-out DIR] --out FILE}: chooses the SVM's settings by
 * cross-validation on the training pictures, fits the model with them and writes it. With
 * {@code --hold-out}, that folder's held-out part is kept out of all of it and scores the model at the end.
 */
final class TrainCommand {

    private TrainCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--data", "--out", HoldOutOption.NAME));
        options.requireNoPositional();
        List<Path> dataDirs = options.requiredFolders("--data");
        Path modelFile = Path.of(options.required("--out"));
        Optional<HoldOut.Split> holdOut = HoldOutOption.read(options);

        if (holdOut.isPresent()) {
            out.println(HoldOutOption.describe(holdOut.get()) + ", kept out of training and selection");
        }
        List<LabelledFeatures> examples = new ArrayList<>();
        for (Path dir : dataDirs) {
            List<LabelledImage> found = DataFolders.read(dir);
            out.printf("data %s: %s%n", dir, DataFolders.counts(found));
            if (holdOut.isPresent()) {
                found = HoldOutOption.without(found, holdOut.get());
            }
            TrainingSet part = TrainingSet.extract(found, ImageFeatures.standard(), dir.toString());
            for (ImageFailure failure : part.failures()) {
                out.printf("skipped %s: %s%n", failure.file(), failure.message());
            }
            examples.addAll(part.examples());
        }
        TrainingSet training = new TrainingSet(List.copyOf(examples), List.of());
        out.printf("training on %d pictures (day %d, night %d)%n", training.examples().size(),
                training.count(Label.DAY), training.count(Label.NIGHT));

        ModelSelection.Result selection = new ModelSelection().select(training.examples());
        out.printf("cross-validation on the training pictures (%d folds, seed %d):%n",
                ModelSelection.FOLDS, ModelTrainer.DEFAULT_SEED);
        for (ModelSelection.Score score : selection.scores()) {
            StringBuilder perSource = new StringBuilder();
            score.bySource().forEach((source, matrix) -> perSource.append(String.format(Locale.ROOT, "  %s %.4f",
                    Path.of(source).getFileName(), matrix.accuracy())));
            out.printf(Locale.ROOT, "  %-34s %s%s  mean %.4f%n", score.settings().describe(),
                    score.matrix().accuracyLine(), perSource, score.meanSourceAccuracy());
        }
        out.println("chosen (highest mean of the data sets' accuracies, then overall): " + selection.best().describe());
        DayNightModel model = new ModelTrainer(selection.best(), ModelTrainer.DEFAULT_SEED).train(training.examples());
        out.println("training " + Evaluation.ofFeatures(model, training.examples()).accuracyLine());
        if (holdOut.isPresent()) {
            ConfusionMatrix matrix = Evaluation.of(new DayNightClassifier(model), holdOut.get().heldOut()).matrix();
            out.println("hold-out:");
            matrix.tableLines().forEach(out::println);
            out.println("hold-out " + matrix.accuracyLine());
        }

        Path parent = modelFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        model.save(modelFile);
        out.printf("wrote %s (%d bytes)%n", modelFile, Files.size(modelFile));
        return Cli.OK;
    }
}
