package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The written list of training pictures whose folder gives the wrong label (weka-models/DATA_CARD.md): lines of
 * {@code path<TAB>label<TAB>reason}, {@code #} starts a comment. A path names a picture by the end of its path,
 * e.g. {@code pexels-day-night/train/night/x.jpeg}, so the list holds wherever the data sets lie.
 */
public record LabelCorrections(List<Correction> corrections) {

    public record Correction(String path, Label label, String reason) {
    }

    /** A picture whose label was changed, for the training log. */
    public record Applied(Path file, Label from, Label to, String reason) {
    }

    public static LabelCorrections none() {
        return new LabelCorrections(List.of());
    }

    public static LabelCorrections read(Path file) throws IOException {
        List<Correction> corrections = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new IOException(file + " line " + number + ": expected path, label and reason, separated by tabs");
            }
            Label label;
            try {
                label = Label.fromJsonName(fields[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + number + ": the label must be day or night, not " + fields[1]);
            }
            corrections.add(new Correction(fields[0].trim(), label, fields[2].trim()));
        }
        return new LabelCorrections(List.copyOf(corrections));
    }

    /**
     * The pictures with their labels corrected, in the same order; {@code applied} receives each change.
     * @throws IllegalArgumentException when a picture matches two lines
     */
    public List<LabelledImage> apply(List<LabelledImage> images, List<Applied> applied) {
        List<LabelledImage> out = new ArrayList<>(images.size());
        for (LabelledImage image : images) {
            List<Correction> matching = corrections.stream().filter(c -> names(image.file(), c.path())).toList();
            if (matching.size() > 1) {
                throw new IllegalArgumentException("two label corrections name " + image.file());
            }
            if (matching.isEmpty() || matching.get(0).label() == image.label()) {
                out.add(image);
                continue;
            }
            Correction correction = matching.get(0);
            applied.add(new Applied(image.file(), image.label(), correction.label(), correction.reason()));
            out.add(new LabelledImage(image.file(), correction.label()));
        }
        return out;
    }

    /** The lines that named no picture among {@code images}: a list that drifted from the data. */
    public List<Correction> unmatched(List<LabelledImage> images) {
        return corrections.stream()
                .filter(c -> images.stream().noneMatch(image -> names(image.file(), c.path())))
                .toList();
    }

    private static boolean names(Path file, String path) {
        return file.toAbsolutePath().normalize().endsWith(Path.of(path));
    }
}
