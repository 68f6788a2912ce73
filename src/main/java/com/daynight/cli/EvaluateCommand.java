package com.daynight.cli;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.training.Evaluation;
import com.daynight.classify.training.HoldOut;
import com.daynight.classify.training.ImageFailure;
import com.daynight.classify.training.LabelledImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate [--data DIR ...] [--hold-out DIR] [--model FILE]}: the confusion matrix, then the
 * accuracy as the last line. {@code --hold-out DIR} scores on the held-out part of DIR (see {@code train}).
 */
final class EvaluateCommand {

    private EvaluateCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--data", HoldOutOption.NAME, ModelOption.NAME));
        options.requireNoPositional();
        Optional<HoldOut.Split> holdOut = HoldOutOption.read(options);
        List<LabelledImage> images = new ArrayList<>();
        if (holdOut.isEmpty() || !options.all("--data").isEmpty()) {
            for (Path dir : options.requiredFolders("--data")) {
                images.addAll(DataFolders.read(dir));
            }
        }
        if (holdOut.isPresent()) {
            out.println(HoldOutOption.describe(holdOut.get()));
            images.addAll(holdOut.get().heldOut());
        }
        DayNightClassifier classifier = ModelOption.load(options);

        Evaluation evaluation = Evaluation.of(classifier, images);
        out.println("data: " + DataFolders.counts(images));
        for (ImageFailure failure : evaluation.failures()) {
            out.printf("error %s: %s%n", failure.file(), failure.message());
        }
        evaluation.matrix().tableLines().forEach(out::println);
        out.println(evaluation.matrix().accuracyLine());
        return Cli.OK;
    }
}
