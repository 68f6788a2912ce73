package com.daynight.e2e;

import com.daynight.storage.FakeGcsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Buckets of thousands of small generated JPEGs in a local folder: the {@link TinyJpegs} by turns. */
final class GeneratedPictures {

    private static final List<byte[]> PICTURES = TinyJpegs.create();

    private GeneratedPictures() {
    }

    static String name(int index) {
        return FakeGcsServer.generatedName(index);
    }

    static byte[] bytes(int index) {
        return PICTURES.get(index % PICTURES.size());
    }

    /** Writes {@code count} pictures into {@code bucket}, named so that name order is index order. */
    static int write(Path bucket, int count) throws IOException {
        Files.createDirectories(bucket);
        for (int i = 0; i < count; i++) {
            Files.write(bucket.resolve(name(i)), bytes(i));
        }
        return count;
    }
}
