package com.daynight.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finding JPEG files by name: the same rule as for bucket objects (.jpg or .jpeg, any case). */
public final class JpegFiles {

    /** Far above any real photo; a bigger file is refused rather than read into memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private JpegFiles() {
    }

    public static boolean hasJpegName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    public static byte[] readBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file too large: " + size + " bytes");
        }
        return Files.readAllBytes(file);
    }

    /** The JPEG files directly inside the folder, sorted by name so that runs are reproducible. */
    public static List<Path> inFolder(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(JpegFiles::hasJpegName).sorted().toList();
        }
    }

    /** The JPEG files anywhere below the folder, sorted by path. */
    public static List<Path> below(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(Files::isRegularFile).filter(JpegFiles::hasJpegName).sorted().toList();
        }
    }
}
