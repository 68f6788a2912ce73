package com.daynight.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebappCopiesTest {

    private static final String PREFIX = "daynight-webapp-";

    @TempDir
    Path tmp;

    @Test
    void anEarlierBuildsCopyThatNoOneHoldsIsDeleted() throws Exception {
        Path ours = copy("new");
        Path earlier = copy("old");
        WebappCopies.holdShared(earlier).channel().close(); // its process has ended
        try (FileLock held = WebappCopies.holdShared(ours)) {
            WebappCopies.deleteUnused(ours, PREFIX);
            assertFalse(Files.exists(earlier));
            assertTrue(Files.exists(ours.resolve("WEB-INF/web.xml")), "ours is kept");
        }
    }

    @Test
    void aCopyInUseIsKept() throws Exception {
        Path ours = copy("new");
        Path running = copy("running");
        try (FileLock inUse = WebappCopies.holdShared(running)) {
            WebappCopies.deleteUnused(ours, PREFIX);
            assertTrue(Files.exists(running.resolve("WEB-INF/web.xml")));
        }
    }

    /** Being unpacked (no lock file yet), or made by a launcher that took no lock: not ours to judge. */
    @Test
    void aCopyWithoutALockFileIsKept() throws Exception {
        Path ours = copy("new");
        Path partial = copy("new.partial-123");
        WebappCopies.deleteUnused(ours, PREFIX);
        assertTrue(Files.exists(partial.resolve("WEB-INF/web.xml")));
    }

    @Test
    void aMissingCopyCannotBeHeld() throws Exception {
        assertNull(WebappCopies.holdShared(tmp.resolve(PREFIX + "gone")));
        try (FileLock held = WebappCopies.holdShared(copy("here"))) {
            assertNotNull(held);
        }
    }

    private Path copy(String key) throws Exception {
        Path copy = tmp.resolve(PREFIX + key);
        Files.createDirectories(copy.resolve("WEB-INF"));
        Files.writeString(copy.resolve("WEB-INF/web.xml"), "<web-app/>");
        return copy;
    }
}
