package com.daynight.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13's settings: MAX_OBJECT_BYTES, MAX_BYTES_IN_FLIGHT, PICTURE_TIMEOUT_SECONDS. */
class PictureLimitsConfigTest {

    @Test
    void defaults() {
        PictureLimits limits = AppConfig.fromEnvironment(Map.of()).pictureLimits();
        assertEquals(64L * 1024 * 1024, limits.maxObjectBytes());
        assertEquals(Runtime.getRuntime().maxMemory() / 4, limits.maxBytesInFlight());
        assertEquals(Duration.ofSeconds(10), limits.pictureTimeout());
    }

    @Test
    void setFromTheEnvironment() {
        PictureLimits limits = AppConfig.fromEnvironment(Map.of("MAX_OBJECT_BYTES", "5000000000",
                "MAX_BYTES_IN_FLIGHT", "1048576", "PICTURE_TIMEOUT_SECONDS", "3")).pictureLimits();
        assertEquals(5_000_000_000L, limits.maxObjectBytes());
        assertEquals(1_048_576L, limits.maxBytesInFlight());
        assertEquals(Duration.ofSeconds(3), limits.pictureTimeout());
    }

    @Test
    void wrongValuesStopTheStartWithAMessageNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("MAX_OBJECT_BYTES", "64MB")));
        assertTrue(e.getMessage().startsWith("MAX_OBJECT_BYTES must be a whole number of bytes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> AppConfig.fromEnvironment(Map.of("MAX_BYTES_IN_FLIGHT", "0")));
        assertTrue(e.getMessage().startsWith("MAX_BYTES_IN_FLIGHT must be between 1 and"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnvironment(Map.of("PICTURE_TIMEOUT_SECONDS", "0")));
        assertTrue(e.getMessage().startsWith("PICTURE_TIMEOUT_SECONDS must be between 1 and 3600"), e.getMessage());
    }
}
