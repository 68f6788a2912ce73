package com.daynight.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {

    private static final String MYSQL = "jdbc:mysql://db.example:3306/daynight";

    @Test
    void defaultsWithNoConfigurationAtAll() {
        AppConfig c = AppConfig.fromEnvironment(Map.of());

        assertEquals(AppConfig.StorageKind.LOCAL, c.storage());
        assertEquals(Path.of("./buckets"), c.bucketsDir());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.workers());
        assertNull(c.dbUrl());
        assertNull(c.dbUser());
        assertNull(c.dbPassword());
        assertFalse(c.dbRequired());
        assertNull(c.storageEmulatorHost());
        assertNull(c.googleCloudProject());
        assertNull(c.modelPath());
        assertTrue(c.queueLimit() > 0);
        assertTrue(c.lease().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void everyContractVariableIsRead() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", MYSQL);
        env.put("DB_USER", "dn");
        env.put("DB_PASSWORD", "s3cret");
        env.put("STORAGE", "gcs");
        env.put("BUCKETS_DIR", "/srv/buckets");
        env.put("STORAGE_EMULATOR_HOST", "http://localhost:4443");
        env.put("GOOGLE_CLOUD_PROJECT", "my-project");
        env.put("MODEL", "/models/other.model");
        env.put("WORKERS", "3");
        env.put("DATA_DIR", "/var/lib/daynight");

        AppConfig c = AppConfig.fromEnvironment(env);

        assertEquals(MYSQL, c.dbUrl());
        assertEquals("dn", c.dbUser());
        assertEquals("s3cret", c.dbPassword());
        assertEquals(AppConfig.StorageKind.GCS, c.storage());
        assertEquals(Path.of("/srv/buckets"), c.bucketsDir());
        assertEquals("http://localhost:4443", c.storageEmulatorHost());
        assertEquals("my-project", c.googleCloudProject());
        assertEquals(Path.of("/models/other.model"), c.modelPath());
        assertEquals(3, c.workers());
        assertEquals(Path.of("/var/lib/daynight"), c.dataDir());
    }

    @ParameterizedTest
    @CsvSource({"local, LOCAL", "LOCAL, LOCAL", "gcs, GCS", "GCS, GCS", "' gcs ', GCS"})
    void storageKinds(String value, AppConfig.StorageKind expected) {
        assertEquals(expected, AppConfig.fromEnvironment(Map.of("STORAGE", value)).storage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3", "azure", "file", "gcs2"})
    void invalidStorage(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("STORAGE", value)));
        assertTrue(e.getMessage().contains("STORAGE"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"many", "0", "-2", "1.5", "100000"})
    void invalidWorkers(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("WORKERS", value)));
        assertTrue(e.getMessage().contains("WORKERS"), e.getMessage());
    }

    @Test
    void blankNumbersFallBackToDefaults() {
        AppConfig c = AppConfig.fromEnvironment(Map.of("LEASE_SECONDS", " ", "WORKERS", ""));
        assertEquals(Runtime.getRuntime().availableProcessors(), c.workers());
        assertEquals(Duration.ofSeconds(30), c.lease());
    }

    @Test
    void dbUrlRequiredButMissing() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("DB_URL_REQUIRED", "true")));
        assertTrue(e.getMessage().contains("DB_URL"), e.getMessage());
    }

    @Test
    void dbUrlRequiredButBlank() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("DB_URL_REQUIRED", "true", "DB_URL", "  ")));
        assertTrue(e.getMessage().contains("DB_URL"), e.getMessage());
    }

    @Test
    void dbUrlRequiredAndGiven() {
        AppConfig c = AppConfig.fromEnvironment(Map.of("DB_URL_REQUIRED", "true", "DB_URL", MYSQL));
        assertTrue(c.dbRequired());
        assertEquals(MYSQL, c.dbUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db/daynight", "mysql://db:3306/daynight", "jdbc:h2:mem:x",
            "db.example:3306"})
    void nonMysqlDbUrlRefused(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("DB_URL", url)));
        assertTrue(e.getMessage().contains("DB_URL"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"LOG_FORMAT, json", "LOG_FORMAT, text", "LOG_LEVEL, debug", "LOG_LEVEL, WARN", "LOG_LEVEL, ' '"})
    void theLoggingSettingsLogbackReadsAreAccepted(String name, String value) {
        AppConfig.fromEnvironment(Map.of(name, value));
    }

    @ParameterizedTest
    @CsvSource({"LOG_FORMAT, xml", "LOG_LEVEL, verbose"})
    void aLoggingSettingLogbackWouldNotUnderstandStopsTheStart(String name, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.fromEnvironment(Map.of(name, value)));
        assertTrue(e.getMessage().startsWith(name + " must be one of "), e.getMessage());
        assertTrue(e.getMessage().endsWith("got: " + value), e.getMessage());
    }

    // --- issue 13, identity and access

    @Test
    void authDefaultsToNoneWithNothingElseNeeded() {
        AuthSettings auth = AppConfig.fromEnvironment(Map.of()).auth();
        assertEquals(AuthSettings.Mode.NONE, auth.mode());
        assertNull(auth.audience());
        assertNull(auth.jwksUrl());
        assertTrue(auth.admins().isEmpty());
        assertEquals("", auth.bucketRules());
        assertEquals(AuthSettings.DEFAULT_USER_QUEUE_LIMIT, auth.userQueueLimit());
    }

    @Test
    void googleNeedsAnAudience() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("AUTH", "google")));
        assertTrue(e.getMessage().startsWith("AUTH_AUDIENCE is required with AUTH=google"), e.getMessage());
        assertThrows(ConfigException.class, () -> AppConfig.fromEnvironment(Map.of("AUTH", "google", "AUTH_AUDIENCE", " ")));
    }

    @Test
    void googleWithEverySetting() {
        AuthSettings auth = AppConfig.fromEnvironment(Map.of("AUTH", "Google", "AUTH_AUDIENCE", "aud",
                "AUTH_JWKS_URL", "http://127.0.0.1:9/keys", "ADMINS", " Ann@Example.com, ,bob@example.com ",
                "BUCKET_RULES", "a@b.c=x", "USER_QUEUE_LIMIT", "7")).auth();
        assertEquals(AuthSettings.Mode.GOOGLE, auth.mode());
        assertEquals("aud", auth.audience());
        assertEquals("http://127.0.0.1:9/keys", auth.jwksUrl().toString());
        assertEquals(java.util.Set.of("ann@example.com", "bob@example.com"), auth.admins());
        assertEquals("a@b.c=x", auth.bucketRules());
        assertEquals(7, auth.userQueueLimit());
    }

    @ParameterizedTest
    @CsvSource({"AUTH, oauth", "AUTH_JWKS_URL, ftp://keys.example/jwks", "AUTH_JWKS_URL, not a url",
            "USER_QUEUE_LIMIT, 0", "USER_QUEUE_LIMIT, many"})
    void badAuthSettingsStopTheStart(String name, String value) {
        Map<String, String> env = new HashMap<>(Map.of("AUTH_AUDIENCE", "aud"));
        env.put(name, value);
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.fromEnvironment(env));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    @Test
    void dbPoolSizeIsUnsetByDefaultSoEachModeUsesItsOwn() {
        assertTrue(AppConfig.fromEnvironment(Map.of()).dbPoolSize().isEmpty());
        assertTrue(AppConfig.fromEnvironment(Map.of("DB_POOL_SIZE", " ")).dbPoolSize().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 3", " 40 , 40", "500, 500"})
    void dbPoolSizeWithinItsBounds(String raw, int expected) {
        assertEquals(expected, AppConfig.fromEnvironment(Map.of("DB_POOL_SIZE", raw)).dbPoolSize().getAsInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "501", "-3", "many", "2.5"})
    void dbPoolSizeOutsideItsBoundsStopsTheStartNamingTheSetting(String raw) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("DB_POOL_SIZE", raw)));
        assertTrue(e.getMessage().startsWith("DB_POOL_SIZE must be"), e.getMessage());
        assertTrue(e.getMessage().endsWith(raw), e.getMessage());
    }
}
