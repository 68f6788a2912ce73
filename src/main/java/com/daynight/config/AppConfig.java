package com.daynight.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Every setting of the webapp, read once at start from the environment (see docs/contract.md). Nothing else
 * in the webapp reads environment variables. PORT is the launcher's alone: it opens the port before the
 * webapp exists (launcher/Main).
 */
public record AppConfig(
        String dbUrl,
        String dbUser,
        String dbPassword,
        boolean dbRequired,
        // DB_POOL_SIZE: empty means the mode's own default (Database.open for the server, worker mode's small one)
        OptionalInt dbPoolSize,
        StorageKind storage,
        Path bucketsDir,
        String storageEmulatorHost,
        String googleCloudProject,
        Path modelPath,
        int workers,
        Path dataDir,
        Duration lease,
        int queueLimit,
        // --- issue 14: one service over many instances ---
        int chunkSize,
        // --- safe defaults (issue 13): limits that protect the service from its clients ---
        int lookupRatePerMinute,
        // --- issue 13, identity and access (AuthSettings.java) ---
        AuthSettings auth,
        // --- issue 13, limits per picture (PictureLimits.java) ---
        PictureLimits pictureLimits) {

    public enum StorageKind { LOCAL, GCS }

    /** JPEGs per chunk of a service: a chunk's work takes seconds, its listing one GCS page. */
    public static final int DEFAULT_CHUNK_SIZE = 1_000;

    public static AppConfig fromEnvironment(Map<String, String> env) {
        String dbUrl = blankToNull(env.get("DB_URL"));
        boolean dbRequired = Boolean.parseBoolean(env.getOrDefault("DB_URL_REQUIRED", "false"));
        if (dbRequired && dbUrl == null) {
            throw new ConfigException("DB_URL is required here: set it to the JDBC URL of the external MySQL database"
                    + " (jdbc:mysql://host:3306/daynight), with DB_USER and DB_PASSWORD");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:mysql:") && !dbUrl.startsWith("jdbc:mariadb:")) {
            throw new ConfigException("DB_URL must be a jdbc:mysql:// URL, got: " + dbUrl);
        }
        // Logback reads these two itself, before anything else runs; a value it does not know is refused here.
        oneOf(env, "LOG_FORMAT", List.of("text", "json"));
        oneOf(env, "LOG_LEVEL", List.of("trace", "debug", "info", "warn", "error"));
        String modelPath = blankToNull(env.get("MODEL"));
        return new AppConfig(
                dbUrl,
                blankToNull(env.get("DB_USER")),
                env.get("DB_PASSWORD"),
                dbRequired,
                dbPoolSize(env),
                storageKind(env.getOrDefault("STORAGE", "local")),
                Path.of(env.getOrDefault("BUCKETS_DIR", "./buckets")),
                blankToNull(env.get("STORAGE_EMULATOR_HOST")),
                blankToNull(env.get("GOOGLE_CLOUD_PROJECT")),
                modelPath == null ? null : Path.of(modelPath),
                intSetting(env, "WORKERS", Runtime.getRuntime().availableProcessors(), 1, 256),
                Path.of(env.getOrDefault("DATA_DIR", "./data")),
                Duration.ofSeconds(intSetting(env, "LEASE_SECONDS", 30, 2, 3600)),
                intSetting(env, "QUEUE_LIMIT", 10_000, 1, 10_000_000),
                intSetting(env, "CHUNK_SIZE", DEFAULT_CHUNK_SIZE, 1, 10_000_000),
                // --- safe defaults (issue 13) ---
                intSetting(env, "LOOKUP_RATE_PER_MINUTE", 600, 1, 1_000_000),
                // --- issue 13, identity and access ---
                AuthSettings.fromEnvironment(env, intSetting(env, "USER_QUEUE_LIMIT",
                        AuthSettings.DEFAULT_USER_QUEUE_LIMIT, 1, 10_000_000)),
                // --- issue 13, limits per picture ---
                pictureLimits(env));
    }

    /**
     * Connections one instance may hold at most. The upper bound keeps a typo from exhausting a database's
     * max_connections on its own; two is the least that lets the heartbeat run beside a worker's statement.
     */
    private static final int MIN_DB_POOL_SIZE = 2;
    private static final int MAX_DB_POOL_SIZE = 500;

    private static OptionalInt dbPoolSize(Map<String, String> env) {
        return blankToNull(env.get("DB_POOL_SIZE")) == null ? OptionalInt.empty()
                : OptionalInt.of(intSetting(env, "DB_POOL_SIZE", 0, MIN_DB_POOL_SIZE, MAX_DB_POOL_SIZE));
    }

    // ---- Issue 13, limits per picture: MAX_OBJECT_BYTES, MAX_BYTES_IN_FLIGHT, PICTURE_TIMEOUT_SECONDS ----

    private static PictureLimits pictureLimits(Map<String, String> env) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        return new PictureLimits(
                longSetting(env, "MAX_OBJECT_BYTES", PictureLimits.DEFAULT_MAX_OBJECT_BYTES, 1, Long.MAX_VALUE),
                longSetting(env, "MAX_BYTES_IN_FLIGHT", PictureLimits.defaultBytesInFlight(maxHeap), 1,
                        Long.MAX_VALUE),
                Duration.ofSeconds(intSetting(env, "PICTURE_TIMEOUT_SECONDS",
                        PictureLimits.DEFAULT_PICTURE_TIMEOUT_SECONDS, 1, 3600)));
    }

    private static long longSetting(Map<String, String> env, String name, long fallback, long min, long max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number of bytes, got: " + raw);
        }
    }

    // ---- end of issue 13's settings ----

    private static StorageKind storageKind(String value) {
        try {
            return StorageKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("STORAGE must be 'local' or 'gcs', got: " + value);
        }
    }

    private static void oneOf(Map<String, String> env, String name, List<String> allowed) {
        String raw = blankToNull(env.get(name));
        if (raw != null && !allowed.contains(raw.trim().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name + " must be one of " + String.join(", ", allowed) + ", got: " + raw);
        }
    }

    private static int intSetting(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got: " + raw);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
