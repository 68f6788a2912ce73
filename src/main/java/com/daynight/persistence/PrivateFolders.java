package com.daynight.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files and folders that only the user running the service may read: the database's secrets and socket. */
final class PrivateFolders {

    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** sun_path holds 108 bytes on Linux; a longer socket path makes mariadbd fail at start. */
    private static final int MAX_SOCKET_PATH = 100;

    private PrivateFolders() {
    }

    /**
     * The folder for the server's socket and its start-up file: {@code preferred}, or a fresh private temp
     * folder when a socket path under it would be too long. Either way 0700, so that the socket (which
     * mariadbd makes world-writable) is reachable by this user only.
     */
    static Path socketFolder(Path preferred) throws IOException {
        if (preferred.resolve("mariadbd.sock").toString().length() > MAX_SOCKET_PATH) {
            return posix()
                    ? Files.createTempDirectory("daynight-mariadb-", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER))
                    : Files.createTempDirectory("daynight-mariadb-");
        }
        restrict(preferred);
        return preferred;
    }

    /** Makes the folder if needed and closes it to everyone but its owner (the umask may have left it open). */
    static void restrict(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix()) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        }
    }

    static void restrictFile(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    /** Writes a new file that is 0600 from its first byte (never readable by others, not even for a moment). */
    static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
