package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFailureTest {

    private static final String CONSOLE = """
            Database start failed: mariadbd exited with 1, last 100 lines of console:
            2026-12-05 23:50:01 0 [Note] Starting MariaDB 11.4.5-MariaDB source revision
            2026-12-05 23:50:01 0 [ERROR] InnoDB: The data file './ibdata1' must be writable
            2026-12-05 23:50:01 0 [ERROR] Plugin 'InnoDB' registration as a STORAGE ENGINE failed.
            """;

    @Test
    void theServersFirstErrorIsTheReason() {
        assertEquals("InnoDB: The data file './ibdata1' must be writable", StartFailure.reason(CONSOLE));
    }

    @Test
    void withoutAServerErrorTheFirstLineIs() {
        assertEquals("Asked to waitFor Program mariadbd, but it did not say 'ready for connections' within 120000ms",
                StartFailure.reason("Asked to waitFor Program mariadbd, but it did not say 'ready for connections'"
                        + " within 120000ms\nlast lines:\n2026 [Note] InnoDB: initializing"));
    }

    @Test
    void theWholeReportGoesToAFileNamedInTheLine(@TempDir Path data) throws IOException {
        Path log = data.resolve(StartFailure.LOG_NAME);
        String line = StartFailure.explain(new IOException("An error occurred while starting the database"), CONSOLE, log);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.endsWith("(the server's console is in " + log + ")"), line);
        assertTrue(Files.readString(log).contains("Plugin 'InnoDB' registration"), "the whole console is kept");
    }
}
