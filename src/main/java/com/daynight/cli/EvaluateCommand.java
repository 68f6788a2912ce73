package com.daynight.cli;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.Evaluation;
import com.daynight.classify.ImageFailure;
import com.daynight.classify.LabelledImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code evaluate --data DIR [--model FILE]}: the confusion matrix, then the accuracy as the last line. */
final class EvaluateCommand {

    private EvaluateCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--data", ModelOption.NAME));
        options.requireNoPositional();
        List<Path> dataDirs = options.requiredFolders("--data");
        List<LabelledImage> images = new ArrayList<>();
        for (Path dir : dataDirs) {
            images.addAll(DataFolders.read(dir));
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
