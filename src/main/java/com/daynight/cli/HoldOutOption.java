package com.daynight.cli;

import com.daynight.classify.training.HoldOut;
import com.daynight.classify.training.LabelledImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --hold-out DIR} option: the stratified part of DIR that {@link HoldOut#STANDARD} sets
 * aside. Training leaves it out of training and model selection and scores the model on it;
 * evaluation scores on it.
 */
final class HoldOutOption {

    static final String NAME = "--hold-out";

    private HoldOutOption() {
    }

    /** The split of the named folder, when the option is given. */
    static Optional<HoldOut.Split> read(CliOptions options) throws UsageException, IOException {
        Optional<String> dir = options.optional(NAME);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path folder = Path.of(dir.get());
        return Optional.of(HoldOut.STANDARD.split(DataFolders.read(folder)));
    }

    static String describe(HoldOut.Split split) {
        return String.format(Locale.ROOT, "hold-out (seed %d, %.0f%% of each label): %s",
                HoldOut.STANDARD.seed(), 100 * HoldOut.STANDARD.fraction(), DataFolders.counts(split.heldOut()));
    }

    /** The images less those held out. */
    static List<LabelledImage> without(List<LabelledImage> images, HoldOut.Split split) {
        Set<LabelledImage> heldOut = Set.copyOf(split.heldOut());
        return images.stream().filter(image -> !heldOut.contains(image)).toList();
    }
}
