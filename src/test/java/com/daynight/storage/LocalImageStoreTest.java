package com.daynight.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageStoreTest {

    @TempDir
    Path bucketsDir;

    @Test
    void bucketNamesFollowGcsRules() {
        LocalImageStore store = new LocalImageStore(bucketsDir);
        assertEquals(Optional.empty(), store.bucketNameProblem("my-photos"));
        assertEquals(GcsBucketNames.ruleBroken("..").orElseThrow(), store.bucketNameProblem("..").orElseThrow());
        assertTrue(store.bucketNameProblem("My Photos").isPresent());
    }

    @Test
    void listsJpegsRecursivelyWithSlashNamesInGcsOrder() throws IOException {
        Path bucket = Files.createDirectories(bucketsDir.resolve("holiday"));
        write(bucket, "b.jpg", 3);
        write(bucket, "a/z.JPG", 1);
        write(bucket, "a/deeper/m.Jpeg", 2);
        write(bucket, "a-b.jpeg", 4);
        write(bucket, "\uFF5E.jpg", 5);
        write(bucket, "\uD83C\uDF19.jpg", 6);

        List<ImageObject> listed = new ArrayList<>();
        new LocalImageStore(bucketsDir).listJpegs("holiday").forEach(listed::add);

        // '-' (0x2D) sorts before '/' (0x2F); U+FF5E sorts before U+1F319 in UTF-8 though not in UTF-16.
        assertEquals(List.of(new ImageObject("a-b.jpeg", 4), new ImageObject("a/deeper/m.Jpeg", 2),
                new ImageObject("a/z.JPG", 1), new ImageObject("b.jpg", 3),
                new ImageObject("\uFF5E.jpg", 5), new ImageObject("\uD83C\uDF19.jpg", 6)), listed);
    }

    @Test
    void aRangeOfNamesIsTheSortedListingFromItsFirstNameToBeforeItsEnd() throws IOException {
        Path bucket = Files.createDirectories(bucketsDir.resolve("ranged"));
        for (String name : List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg")) {
            write(bucket, name, 1);
        }
        LocalImageStore store = new LocalImageStore(bucketsDir);
        assertEquals(List.of("b.jpg", "c.jpg"), names(store.listJpegs("ranged", new NameRange("b.jpg", "d.jpg"))));
        assertEquals(List.of("a.jpg", "b.jpg"), names(store.listJpegs("ranged", new NameRange(null, "c.jpg"))));
        assertEquals(List.of("c.jpg", "d.jpg", "e.jpg"),
                names(store.listJpegs("ranged", new NameRange("bz.jpg", null))), "a first name that is gone");
        assertEquals(List.of(), names(store.listJpegs("ranged", new NameRange("z.jpg", null))));
    }

    private static List<String> names(Iterable<ImageObject> listing) {
        List<String> names = new ArrayList<>();
        listing.forEach(image -> names.add(image.name()));
        return names;
    }

    @Test
    void leavesOutFilesThatAreNotJpegsByName() throws IOException {
        Path bucket = Files.createDirectories(bucketsDir.resolve("mixed"));
        write(bucket, "photo.jpg", 1);
        write(bucket, "photo.jpg.txt", 1);
        write(bucket, "jpg", 1);
        write(bucket, "image.png", 1);
        Files.createDirectories(bucket.resolve("folder.jpg"));

        List<String> names = new ArrayList<>();
        new LocalImageStore(bucketsDir).listJpegs("mixed").forEach(image -> names.add(image.name()));

        assertEquals(List.of("photo.jpg"), names);
    }

    @Test
    void missingBucketIsUnavailableAndNamed() {
        BucketUnavailableException e = assertThrows(BucketUnavailableException.class,
                () -> new LocalImageStore(bucketsDir).listJpegs("holiday"));

        assertEquals("bucket 'holiday' does not exist", e.getMessage());
    }

    @Test
    void bucketNameCannotLeaveTheBucketsFolder() throws IOException {
        Files.createDirectories(bucketsDir.resolve("inside"));

        assertThrows(BucketUnavailableException.class,
                () -> new LocalImageStore(bucketsDir.resolve("inside")).listJpegs(".."));
    }

    @Test
    void readReturnsTheBytes() throws IOException {
        Path bucket = Files.createDirectories(bucketsDir.resolve("b"));
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        Files.createDirectories(bucket.resolve("x"));
        Files.write(bucket.resolve("x/y.jpg"), bytes);

        assertArrayEquals(bytes, new LocalImageStore(bucketsDir).read("b", "x/y.jpg"));
    }

    @Test
    void namesEscapingTheBucketAreRefused() throws IOException {
        Files.createDirectories(bucketsDir.resolve("b"));
        Files.write(bucketsDir.resolve("x.jpg"), new byte[] {1});
        LocalImageStore store = new LocalImageStore(bucketsDir);

        IOException up = assertThrows(IOException.class, () -> store.read("b", "../x.jpg"));
        assertTrue(up.getMessage().contains("'../x.jpg'"), up.getMessage());
        assertThrows(IOException.class, () -> store.read("b", "a/../../x.jpg"));
        assertThrows(IOException.class, () -> store.read("b", bucketsDir.resolve("x.jpg").toString()));
    }

    @Test
    void vanishedFileIsAnIoExceptionNamingTheObject() throws IOException {
        Files.createDirectories(bucketsDir.resolve("b"));

        IOException e = assertThrows(IOException.class, () -> new LocalImageStore(bucketsDir).read("b", "gone.jpg"));

        assertEquals("object 'gone.jpg' no longer exists", e.getMessage());
    }

    private static void write(Path bucket, String name, int size) throws IOException {
        Path file = bucket.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }

    @Test
    void readsFilesLargerThanOneChunkWhole() throws IOException {
        Path bucket = Files.createDirectories(bucketsDir.resolve("large").resolve("a")).getParent();
        byte[] bytes = new byte[(3 << 20) + 12_345];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(bucket.resolve("a/b.jpg"), bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        assertArrayEquals(bytes, new LocalImageStore(bucketsDir).read("large", "a/b.jpg"));
        Files.write(bucket.resolve("empty.jpg"), new byte[0]);
        assertEquals(0, new LocalImageStore(bucketsDir).read("large", "empty.jpg").length);
    }
}
