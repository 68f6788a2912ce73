package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTest {

    @TempDir
    Path data;

    @Test
    void readsDayThenNightSortedByNameJpegsOnly() throws Exception {
        touch("day/b.JPG", "day/a.jpeg", "day/notes.txt", "night/c.jpg", "night/sub/d.jpg");
        List<LabelledImage> images = LabelledImages.read(data);
        assertEquals(List.of(
                new LabelledImage(data.resolve("day/a.jpeg"), Label.DAY),
                new LabelledImage(data.resolve("day/b.JPG"), Label.DAY),
                new LabelledImage(data.resolve("night/c.jpg"), Label.NIGHT)), images);
    }

    @Test
    void namesTheMissingFolder() throws Exception {
        touch("day/a.jpg");
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> LabelledImages.read(data));
        assertTrue(missing.getMessage().contains(data.resolve("night").toString()), missing.getMessage());
    }

    private void touch(String... files) throws Exception {
        for (String file : files) {
            Path path = data.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, new byte[] {1});
        }
    }
}
