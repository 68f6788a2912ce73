package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceWithModeSixHundredThenKept() throws Exception {
        Path file = dir.resolve(EmbeddedCredentials.FILE_NAME);
        EmbeddedCredentials first = EmbeddedCredentials.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.appPassword().matches("[A-Za-z0-9]{32}"), first.appPassword());
        assertNotEquals(first.appPassword(), first.rootPassword());
        EmbeddedCredentials again = EmbeddedCredentials.loadOrCreate(file);
        assertEquals(first.appPassword(), again.appPassword());
        assertEquals(first.rootPassword(), again.rootPassword());
    }

    @Test
    void aFileOthersCouldReadIsClosedAndAnIncompleteOneReplaced() throws Exception {
        Path file = dir.resolve(EmbeddedCredentials.FILE_NAME);
        Files.writeString(file, "app.password=\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedCredentials made = EmbeddedCredentials.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("app.password=" + made.appPassword()));
    }

    @Test
    void theServerSetsBothAccountsAndDropsAnonymousOnes() throws Exception {
        EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(dir.resolve(EmbeddedCredentials.FILE_NAME));
        String sql = credentials.initStatements("daynight");
        assertTrue(sql.contains("DELETE FROM mysql.global_priv WHERE User = ''"), sql);
        assertTrue(sql.contains("ALTER USER 'daynight'@'127.0.0.1' IDENTIFIED BY '" + credentials.appPassword() + "';"));
        assertTrue(sql.contains("ALTER USER 'root'@'localhost' IDENTIFIED BY '" + credentials.rootPassword() + "';"));
        assertTrue(sql.contains("GRANT ALL PRIVILEGES ON `daynight`.* TO 'daynight'@'127.0.0.1', 'daynight'@'localhost';"));
        assertTrue(sql.lines().allMatch(line -> line.endsWith(";")), "one statement a line");
    }
}
