package com.daynight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PORT is read by the launcher alone (it opens the port before the webapp exists). */
class MainTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "65535, 65535", "' 8081 ', 8081", "0, 0"})
    void validPorts(String value, int expected) {
        assertEquals(expected, Main.port(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void blankPortFallsBackTo8080(String value) {
        assertEquals(8080, Main.port(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "80.5", "-1", "65536", "99999999999", "8080x"})
    void invalidPort(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.port(value));
        assertTrue(e.getMessage().contains("PORT"), e.getMessage());
    }

    /** Without sign-in only this machine may reach the service, unless BIND_ADDRESS says otherwise. */
    @ParameterizedTest
    @CsvSource(value = {"NULL, NULL, 127.0.0.1", "NULL, none, 127.0.0.1", "NULL, NONE, 127.0.0.1",
            "NULL, google, 0.0.0.0", "NULL, ' Google ', 0.0.0.0", "0.0.0.0, none, 0.0.0.0",
            "10.0.0.5, google, 10.0.0.5", "' ', none, 127.0.0.1", "NULL, nonsense, 127.0.0.1"}, nullValues = "NULL")
    void bindAddress(String bindAddress, String auth, String expected) {
        assertEquals(expected, Main.bindAddress(bindAddress, auth));
    }
}
