package com.daynight.cli;

import com.daynight.classify.Label;
import com.daynight.classify.training.LabelledImage;
import com.daynight.classify.training.LabelledImages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reading a {@code --data} folder, where a missing day/ or night/ is the user's mistake, not a failure. */
final class DataFolders {

    private DataFolders() {
    }

    static List<LabelledImage> read(Path dir) throws UsageException, IOException {
        try {
            return LabelledImages.read(dir);
        } catch (NoSuchFileException e) {
            throw new UsageException("--data: " + e.getMessage());
        }
    }

    static String counts(List<LabelledImage> images) {
        long day = images.stream().filter(image -> image.label() == Label.DAY).count();
        return String.format(Locale.ROOT, "%d pictures (day %d, night %d)", images.size(), day, images.size() - day);
    }
}
