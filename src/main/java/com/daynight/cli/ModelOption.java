package com.daynight.cli;

import com.daynight.classify.DayNightClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code --model FILE} option: that model, or the bundled one when it is absent. */
final class ModelOption {

    static final String NAME = "--model";

    private ModelOption() {
    }

    static DayNightClassifier load(CliOptions options) throws UsageException, IOException {
        Optional<String> file = options.optional(NAME);
        if (file.isEmpty()) {
            return DayNightClassifier.loadBundled();
        }
        Path path = Path.of(file.get());
        if (!Files.isRegularFile(path)) {
            throw new UsageException(NAME + ": no such file: " + file.get());
        }
        return DayNightClassifier.load(path);
    }
}
