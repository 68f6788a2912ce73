package com.daynight.cli;

import com.daynight.classify.DayNightModel;
import com.daynight.classify.Evaluation;
import com.daynight.classify.ImageFailure;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.LabelledImage;
import com.daynight.classify.ModelTrainer;
import com.daynight.classify.TrainingSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code train --data DIR [--data DIR ...] --out FILE}: fits the model and writes it. */
final class TrainCommand {

    private TrainCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--data", "--out"));
        options.requireNoPositional();
        List<Path> dataDirs = options.requiredFolders("--data");
        Path modelFile = Path.of(options.required("--out"));

        List<LabelledImage> images = new ArrayList<>();
        for (Path dir : dataDirs) {
            List<LabelledImage> found = DataFolders.read(dir);
            out.printf("data %s: %s%n", dir, DataFolders.counts(found));
            images.addAll(found);
        }
        TrainingSet training = TrainingSet.extract(images, ImageFeatures.standard());
        for (ImageFailure failure : training.failures()) {
            out.printf("skipped %s: %s%n", failure.file(), failure.message());
        }
        out.printf("training on %d pictures (day %d, night %d)%n", training.examples().size(),
                training.count(DayNightModel.DAY), training.count(DayNightModel.NIGHT));

        DayNightModel model = new ModelTrainer().train(training.examples());
        out.println("training " + Evaluation.ofFeatures(model, training.examples()).accuracyLine());

        Path parent = modelFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        model.save(modelFile);
        out.printf("wrote %s (%d bytes)%n", modelFile, Files.size(modelFile));
        return Cli.OK;
    }
}
