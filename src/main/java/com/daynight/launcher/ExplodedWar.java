package com.daynight.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

/**
 * The WAR bundled in the runnable jar, unpacked once per jar build into the temp folder and shared by
 * later runs (the jar is read-only in a container, and unpacking 200 MB on every command would be slow).
 */
final class ExplodedWar {

    static final String WAR_ENTRY = "daynight.war";

    private static final String PREFIX = "daynight-webapp-";

    private final Path directory;
    private final boolean freshlyUnpacked;
    /** Held for as long as this object is reachable (the launcher keeps it so): the copy is in use. */
    @SuppressWarnings("unused")
    private final FileLock inUse;

    private ExplodedWar(Path directory, boolean freshlyUnpacked, FileLock inUse) {
        this.directory = directory;
        this.freshlyUnpacked = freshlyUnpacked;
        this.inUse = inUse;
    }

    static ExplodedWar fromJar() throws IOException {
        Path jar = runningJar();
        String key = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), PREFIX + key);
        FileLock inUse = WebappCopies.holdShared(target);
        boolean unpack = inUse == null;
        if (unpack) {
            unpack(target);
            inUse = WebappCopies.holdShared(target);
            if (inUse == null) {
                throw new IOException("the webapp unpacked into " + target + " was deleted at once by another process");
            }
            WebappCopies.deleteUnused(target, PREFIX); // earlier builds' copies
        }
        return new ExplodedWar(target, unpack, inUse);
    }

    /** Whether this start unpacked it (a first start after a build, or after the temp folder was emptied). */
    boolean freshlyUnpacked() {
        return freshlyUnpacked;
    }

    Path directory() {
        return directory;
    }

    /** WEB-INF/classes and every WEB-INF/lib jar: the webapp's own class path, for the command line. */
    List<URL> classPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(directory.resolve("WEB-INF/classes")));
        try (Stream<Path> jars = Files.list(directory.resolve("WEB-INF/lib"))) {
            for (Path jar : jars.sorted().toList()) {
                urls.add(url(jar));
            }
        }
        return urls;
    }

    private static void unpack(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
        try (InputStream in = ExplodedWar.class.getClassLoader().getResourceAsStream(WAR_ENTRY)) {
            if (in == null) {
                throw new IOException(WAR_ENTRY + " is missing from the jar: build it with mvn package");
            }
            extract(new JarInputStream(in), partial);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            WebappCopies.deleteTree(partial); // another process unpacked the same build at the same time
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            WebappCopies.deleteTree(partial);
        }
    }

    private static void extract(JarInputStream war, Path into) throws IOException {
        JarEntry entry;
        while ((entry = war.getNextJarEntry()) != null) {
            Path out = into.resolve(entry.getName()).normalize();
            if (!out.startsWith(into)) {
                throw new IOException("unsafe entry in the WAR: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(war, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Path runningJar() throws IOException {
        try {
            return Path.of(ExplodedWar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the running jar", e);
        }
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toUri().toURL();
    }
}
