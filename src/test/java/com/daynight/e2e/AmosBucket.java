package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A local bucket made of the labelled amos-day-night test pictures, copied under target/ (never into the
 * repository): object names start with day/ or night/, so the results can be scored.
 */
final class AmosBucket {

    /** The amos-day-night data set beside the project: its training and test folders. */
    static final Path AMOS = Path.of("..", "shared", "datasets", "amos-day-night");
    static final Path AMOS_TEST = AMOS.resolve("test");

    private AmosBucket() {
    }

    static final List<String> LABELS = List.of("day", "night");

    /** Copies up to {@code limit} pictures of each label into {@code bucketsDir/bucket}; returns the count. */
    static int create(Path bucketsDir, String bucket, int limit) throws IOException {
        int count = 0;
        for (String label : LABELS) {
            Path target = Files.createDirectories(bucketsDir.resolve(bucket).resolve(label));
            List<Path> pictures = pictures(label);
            for (Path picture : pictures.subList(0, Math.min(limit, pictures.size()))) {
                Files.copy(picture, target.resolve(picture.getFileName()));
                count++;
            }
        }
        return count;
    }

    /**
     * A big bucket: the pictures of {@link #create} under {@code bucket}, then {@code copies - 1} more times
     * under copy folders, as hard links to those (so a bucket of thousands costs no disk). Returns the count.
     */
    static int createLinked(Path bucketsDir, String bucket, int copies) throws IOException {
        Path first = bucketsDir.resolve(bucket);
        int count = create(bucketsDir, bucket, Integer.MAX_VALUE);
        List<Path> originals;
        try (Stream<Path> files = Files.walk(first)) {
            originals = files.filter(Files::isRegularFile).toList();
        }
        for (int copy = 1; copy < copies; copy++) {
            Path target = first.resolve(String.format(Locale.ROOT, "copy%03d", copy));
            for (Path original : originals) {
                Path link = target.resolve(first.relativize(original));
                Files.createDirectories(link.getParent());
                Files.createLink(link, original);
            }
        }
        return count * copies;
    }

    /** The data set's JPEGs of one label, in name order (anything else in the folder is left alone). */
    static List<Path> pictures(String label) throws IOException {
        assertTrue(Files.isDirectory(AMOS_TEST), "the data set must be beside the project: " + AMOS_TEST.toAbsolutePath());
        try (Stream<Path> files = Files.list(AMOS_TEST.resolve(label))) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                    .sorted().toList();
        }
    }

    /** The amos test pictures, {@code copies} times over under different names: enough work to interrupt. */
    static int copies(Path bucket, int copies) throws IOException {
        Files.createDirectories(bucket);
        int count = 0;
        for (String label : LABELS) {
            for (Path picture : pictures(label)) {
                for (int copy = 0; copy < copies; copy++) {
                    Files.copy(picture, bucket.resolve(copy + "-" + label + "-" + picture.getFileName()));
                    count++;
                }
            }
        }
        return count;
    }

    /** Finished, one entry per picture, none twice, in the bucket's listing order. */
    static void assertEveryPictureOnce(JsonNode service, int pictures) {
        assertEquals("finished", service.get("Status").asText());
        List<String> names = new ArrayList<>();
        service.get("Results").forEach(entry -> names.add(entry.get("image").asText()));
        assertEquals(pictures, names.size());
        assertEquals(pictures, names.stream().distinct().count(), "no picture twice");
        assertEquals(names.stream().sorted().toList(), names, "in the bucket's listing order");
    }
}
