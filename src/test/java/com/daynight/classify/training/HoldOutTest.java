package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldOutTest {

    private static List<LabelledImage> images(int day, int night) {
        List<LabelledImage> images = new ArrayList<>();
        for (int i = 0; i < day; i++) {
            images.add(new LabelledImage(Path.of("data", "day", "d" + i + ".jpg"), Label.DAY));
        }
        for (int i = 0; i < night; i++) {
            images.add(new LabelledImage(Path.of("data", "night", "n" + i + ".jpg"), Label.NIGHT));
        }
        return images;
    }

    @Test
    void holdsOutTheFractionOfEachLabel() {
        HoldOut.Split split = HoldOut.STANDARD.split(images(570, 479));
        assertEquals(114, split.heldOut().stream().filter(i -> i.label().equals(Label.DAY)).count());
        assertEquals(96, split.heldOut().stream().filter(i -> i.label().equals(Label.NIGHT)).count());
        assertEquals(1049 - 210, split.kept().size());
        Set<LabelledImage> all = new HashSet<>(split.kept());
        all.addAll(split.heldOut());
        assertEquals(1049, all.size());
    }

    @Test
    void dependsOnTheNamesNotOnTheOrderOrFolder() {
        List<LabelledImage> images = images(50, 40);
        List<LabelledImage> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, new java.util.Random(3));
        assertEquals(Set.copyOf(HoldOut.STANDARD.split(images).heldOut()),
                Set.copyOf(HoldOut.STANDARD.split(shuffled).heldOut()));
        List<LabelledImage> moved = images.stream()
                .map(i -> new LabelledImage(Path.of("elsewhere").resolve(i.file().getFileName()), i.label())).toList();
        assertEquals(names(HoldOut.STANDARD.split(images).heldOut()), names(HoldOut.STANDARD.split(moved).heldOut()));
    }

    @Test
    void anotherSeedHoldsOutOtherPictures() {
        List<LabelledImage> images = images(50, 40);
        assertNotEquals(Set.copyOf(HoldOut.STANDARD.split(images).heldOut()),
                Set.copyOf(new HoldOut(5, 0.2).split(images).heldOut()));
    }

    @Test
    void theRankIsTheHexSha256OfSeedAndName() {
        // The value sha256sum prints for the bytes "4:d0.jpg": anyone can list the held-out files without Java.
        LabelledImage image = new LabelledImage(Path.of("x", "d0.jpg"), Label.DAY);
        String rank = HoldOut.STANDARD.rank(image);
        assertEquals(64, rank.length());
        assertTrue(rank.matches("[0-9a-f]+"), rank);
        assertEquals("becc32d1ea03c399e093f44aff50f75192f99d79f91e973e82d742a48368010f", rank);
        assertFalse(HoldOut.STANDARD.split(List.of(image)).kept().isEmpty());  // round(0.2) of one is none
    }

    @Test
    void refusesFractionsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new HoldOut(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new HoldOut(1, 1));
    }

    private static Set<String> names(List<LabelledImage> images) {
        Set<String> names = new HashSet<>();
        images.forEach(i -> names.add(i.file().getFileName().toString()));
        return names;
    }
}
