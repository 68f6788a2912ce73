package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCorrectionsTest {

    @TempDir
    Path dir;

    @Test
    void correctsTheNamedPicturesOnlyAndSaysWhy() throws IOException {
        LabelCorrections corrections = LabelCorrections.read(Files.writeString(dir.resolve("c.tsv"),
                "# comment\n\nset/night/beach.jpeg\tday\tsunny beach\n"));
        List<LabelledImage> images = List.of(
                new LabelledImage(dir.resolve("set/night/beach.jpeg"), Label.NIGHT),
                new LabelledImage(dir.resolve("set/night/street.jpeg"), Label.NIGHT),
                new LabelledImage(dir.resolve("other/night/beach.jpeg"), Label.NIGHT));
        List<LabelCorrections.Applied> applied = new ArrayList<>();
        List<LabelledImage> corrected = corrections.apply(images, applied);
        assertEquals(List.of(Label.DAY, Label.NIGHT, Label.NIGHT), corrected.stream().map(LabelledImage::label).toList());
        assertEquals(1, applied.size());
        assertEquals("sunny beach", applied.get(0).reason());
        assertTrue(corrections.unmatched(images).isEmpty());
        assertEquals(1, corrections.unmatched(images.subList(1, 3)).size());
    }

    @Test
    void theBundledListNamesTwoPexelsTrainingPicturesAsDay() throws IOException {
        LabelCorrections bundled = LabelCorrections.read(Path.of("weka-models/label-corrections.tsv"));
        assertEquals(2, bundled.corrections().size());
        bundled.corrections().forEach(c -> {
            assertEquals(Label.DAY, c.label());
            assertTrue(c.path().startsWith("pexels-day-night/train/night/"), c.path());
            assertTrue(c.reason().length() > 20, c.reason());
        });
    }

    @Test
    void refusesMalformedLinesNamingTheLine() throws IOException {
        Path noReason = Files.writeString(dir.resolve("a.tsv"), "# x\nset/night/a.jpeg\tday\n");
        IOException e = assertThrows(IOException.class, () -> LabelCorrections.read(noReason));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path badLabel = Files.writeString(dir.resolve("b.tsv"), "set/night/a.jpeg\tdusk\tlate\n");
        e = assertThrows(IOException.class, () -> LabelCorrections.read(badLabel));
        assertTrue(e.getMessage().contains("day or night, not dusk"), e.getMessage());
    }

    @Test
    void refusesTwoLinesForOnePicture() throws IOException {
        LabelCorrections twice = LabelCorrections.read(Files.writeString(dir.resolve("c.tsv"),
                "night/a.jpeg\tday\tone\nset/night/a.jpeg\tday\ttwo\n"));
        List<LabelledImage> images = List.of(new LabelledImage(dir.resolve("set/night/a.jpeg"), Label.NIGHT));
        assertThrows(IllegalArgumentException.class, () -> twice.apply(images, new ArrayList<>()));
    }
}
