package com.daynight.persistence;

import com.daynight.config.AppConfig;
import com.daynight.config.ConfigException;
import com.daynight.logging.StartupStages;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the service runs on: the external one named by DB_URL, or an embedded MariaDB.
 * Owns the connection pool and migrates the schema (db/ migrations) before anything uses it.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedMariaDb embedded;
    private final HikariDataSource pool;

    private Database(EmbeddedMariaDb embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
    }

    /** The server's database: at most DB_POOL_SIZE connections, else {@link #serverPoolSize(int)}. */
    public static Database open(AppConfig config) {
        return open(config, serverPoolSize(config.workers()));
    }

    /** As {@link #open(AppConfig)}, with {@code defaultPoolSize} connections at most when DB_POOL_SIZE is unset. */
    public static Database open(AppConfig config, int defaultPoolSize) {
        long started = System.nanoTime();
        EmbeddedMariaDb embedded = config.dbUrl() == null ? EmbeddedMariaDb.start(config.dataDir()) : null;
        String url = embedded != null ? embedded.jdbcUrl() : config.dbUrl();
        String user = embedded != null ? embedded.appUser() : config.dbUser();
        String password = embedded != null ? embedded.appPassword() : config.dbPassword();
        HikariDataSource pool = null;
        try {
            HikariConfig hikari = poolConfig(url, user, password, config.workers());
            hikari.setMaximumPoolSize(config.dbPoolSize().orElse(defaultPoolSize));
            pool = embedded != null ? new HikariDataSource(hikari) : FirstConnection.open(hikari);
            StartupStages.done(log, embedded != null ? "database: embedded MariaDB started" : "database: connected", started);
            long migrating = System.nanoTime();
            migrate(pool);
            StartupStages.done(log, "migrations: schema up to date", migrating);
            return new Database(embedded, pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            closeQuietly(embedded);
            if (e instanceof HikariPool.PoolInitializationException) {
                throw new ConfigException("the database at " + url + " cannot be reached: " + FirstConnection.reason(e), e);
            }
            if (e instanceof FlywayException) {
                throw new ConfigException("the database at " + url + " cannot be migrated: " + FirstConnection.reason(e), e);
            }
            throw e;
        }
    }

    static HikariConfig poolConfig(String url, String user, String password, int workers) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("daynight");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(serverPoolSize(workers));
        // Fail fast during an outage, so a submission gets a 503 quickly instead of hanging.
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        // Times are UTC wall-clock values taken by the database; keep the session in UTC too.
        hikari.addDataSourceProperty("connectionTimeZone", "UTC");
        hikari.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
        hikari.addDataSourceProperty("characterEncoding", "UTF-8");
        hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
        hikari.addDataSourceProperty("connectTimeout", "5000");
        hikari.addDataSourceProperty("socketTimeout", "60000");
        return hikari;
    }

    /**
     * Workers, the heartbeat and web requests share the pool; a small pool is plenty for short statements.
     * Each service's claimer holds at most one connection at a time, whatever WORKERS is: the classifying threads
     * never touch the database (see docs/deploy-gcp.md for the arithmetic against a database's max_connections).
     */
    private static int serverPoolSize(int workers) {
        return Math.max(10, workers * 2 + 4);
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The pool's size: DB_POOL_SIZE, or the default the caller gave. */
    public int maxConnections() {
        return pool.getMaximumPoolSize();
    }

    /** For /readyz: can a connection be had and does it answer? */
    public boolean isReachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedMariaDb embedded) {
        if (embedded != null) {
            embedded.close();
        }
    }
}
