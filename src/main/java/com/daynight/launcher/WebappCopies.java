package com.daynight.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Every build of the jar unpacks its webapp (about 400 MB) into the temp folder once; without this, each rebuild
 * left one more copy behind. A process holds a shared lock on its copy's {@value #IN_USE} file for as long as it
 * runs; a copy whose lock can be had exclusively serves no one and is deleted when another build's copy is made.
 */
final class WebappCopies {

    static final String IN_USE = ".in-use";

    private WebappCopies() {
    }

    /** A shared lock on this copy, held until the JVM ends (the channel is closed then); null if it was deleted. */
    static FileLock holdShared(Path copy) throws IOException {
        if (!Files.isDirectory(copy)) {
            return null;
        }
        FileChannel channel = FileChannel.open(copy.resolve(IN_USE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
        if (!Files.exists(copy.resolve(IN_USE))) { // deleted by another process while this one waited for the lock
            channel.close();
            return null;
        }
        return lock;
    }

    /** Deletes the copies named {@code prefix*} beside {@code ours} that no running process holds. */
    static void deleteUnused(Path ours, String prefix) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(ours.getParent(), prefix + "*")) {
            for (Path copy : copies) {
                if (!copy.equals(ours) && Files.isRegularFile(copy.resolve(IN_USE))) {
                    try {
                        deleteIfUnused(copy);
                    } catch (OverlappingFileLockException heldByThisJvm) {
                        // in use here
                    }
                }
            }
        } catch (IOException ignored) {
            // a copy left behind costs disk space, nothing else
        }
    }

    private static void deleteIfUnused(Path copy) throws IOException {
        try (FileChannel channel = FileChannel.open(copy.resolve(IN_USE), StandardOpenOption.WRITE);
             FileLock unused = channel.tryLock()) {
            if (unused == null) {
                return; // a running instance uses it
            }
            deleteTree(copy);
        }
    }

    /** Deletes a folder and everything in it, deepest first. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
