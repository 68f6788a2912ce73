package com.daynight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagementPortTest {

    @Test
    void offUnlessSet() {
        assertFalse(ManagementPort.fromEnvironment(Map.of()).enabled());
        assertFalse(ManagementPort.fromEnvironment(Map.of("MANAGEMENT_PORT", " ")).enabled());
    }

    @Test
    void loopbackUnlessToldOtherwise() {
        ManagementPort port = ManagementPort.fromEnvironment(Map.of("MANAGEMENT_PORT", "9090"));
        assertTrue(port.enabled());
        assertEquals(new ManagementPort(9090, "127.0.0.1"), port);
        assertEquals(new ManagementPort(9090, "0.0.0.0"), ManagementPort.fromEnvironment(
                Map.of("MANAGEMENT_PORT", "9090", "MANAGEMENT_BIND_ADDRESS", "0.0.0.0")));
    }

    @Test
    void aWrongPortIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManagementPort.fromEnvironment(Map.of("MANAGEMENT_PORT", "metrics")));
        assertEquals("MANAGEMENT_PORT must be a port number from 0 to 65535, got: metrics", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ManagementPort.fromEnvironment(Map.of("MANAGEMENT_PORT", "70000")));
    }
}
