package com.daynight.persistence;

import com.daynight.config.ConfigException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.lang.management.ManagementFactory;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the pool on an external database within a deadline, and says in the operator's words why it could not.
 * A Cloud SQL URL (the connector's socket factory) first asks Google for credentials and the instance's address,
 * and Google's client libraries retry those calls for about a minute: the start must not hang that long
 * (Cloud Run would see a silent container), so the start is given up {@link #START_LIMIT} after the JVM began
 * (at least {@link #MINIMUM_WAIT} for the connection itself), and the message names what was waited for.
 */
final class FirstConnection {

    /** The whole start, model loading included, ends by then, well or with one line saying why. */
    static final Duration START_LIMIT = Duration.ofSeconds(27);
    static final Duration MINIMUM_WAIT = Duration.ofSeconds(8);
    private static final Pattern CLOUD_SQL_INSTANCE = Pattern.compile("[?&]cloudSqlInstance=([^&]+)");

    private FirstConnection() {
    }

    static HikariDataSource open(HikariConfig config) {
        String url = config.getJdbcUrl();
        CompletableFuture<HikariDataSource> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(new HikariDataSource(config));
            } catch (RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "database-first-connection");
        // Left behind after the deadline, it must not keep the JVM alive.
        opener.setDaemon(true);
        opener.start();
        long waitMillis = Math.max(MINIMUM_WAIT.toMillis(),
                START_LIMIT.toMillis() - ManagementFactory.getRuntimeMXBean().getUptime());
        try {
            return opening.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opener.interrupt();
            throw new ConfigException("the database at " + url + " did not answer within " + waitMillis / 1000
                    + " s" + cloudSqlHint(url), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HikariPool.PoolInitializationException) {
                throw new ConfigException("the database at " + url + " cannot be reached: " + reason(cause)
                        + cloudSqlHint(url), cause);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while opening the database at " + url, e);
        }
    }

    /** The innermost cause, put so an operator knows what to fix. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage() + " (no network or no DNS?)";
        }
        String message = root.getMessage();
        if (message != null && message.startsWith("Your default credentials were not found")) {
            return "no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS or run where a service account is attached";
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    private static String cloudSqlHint(String url) {
        Matcher instance = CLOUD_SQL_INSTANCE.matcher(url == null ? "" : url);
        return instance.find() ? " (Cloud SQL instance " + instance.group(1)
                + ": check that it exists, that the service account may connect to it and that Google's APIs are reachable)"
                : "";
    }
}
