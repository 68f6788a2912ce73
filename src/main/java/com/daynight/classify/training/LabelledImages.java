package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A data folder for training or evaluation: its sub-folders day/ and night/ hold the JPEGs of each label. */
public final class LabelledImages {

    private LabelledImages() {
    }

    /** The day pictures then the night pictures, each sorted by file name. */
    public static List<LabelledImage> read(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new NoSuchFileException(dataDir.toString(), null, "data folder not found");
        }
        List<LabelledImage> images = new ArrayList<>();
        for (Label label : Label.values()) {
            Path folder = dataDir.resolve(label.jsonName());
            if (!Files.isDirectory(folder)) {
                throw new NoSuchFileException(folder.toString(), null,
                        "missing folder: the data folder must hold day/ and night/");
            }
            JpegFiles.inFolder(folder).forEach(file -> images.add(new LabelledImage(file, label)));
        }
        return images;
    }
}
