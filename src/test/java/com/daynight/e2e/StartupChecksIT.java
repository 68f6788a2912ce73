package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot work stops at once, and says why in one log line (JSON, as in the image), with no
 * stack trace, and a non-zero exit code: a missing or unreachable database, an unreadable model, a bad setting.
 */
class StartupChecksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnreachableDatabase() throws Exception {
        String url = "jdbc:mysql://127.0.0.1:" + RunningJar.freePort() + "/daynight";
        assertOneClearLine(Map.of("DB_URL", url, "DB_USER", "daynight", "DB_PASSWORD", "x"),
                "the database at " + url + " cannot be reached: Connection refused");
    }

    @Test
    void aMissingDatabaseWhereOneIsRequired() throws Exception {
        assertOneClearLine(Map.of("DB_URL_REQUIRED", "true"), "DB_URL is required here");
    }

    @Test
    void anUnreadableModel() throws Exception {
        assertOneClearLine(Map.of("MODEL", "/nonexistent/daynight.model"),
                "MODEL /nonexistent/daynight.model cannot be read: no such file");
    }

    @Test
    void anInvalidSetting() throws Exception {
        assertOneClearLine(Map.of("WORKERS", "lots"), "WORKERS must be a whole number, got: lots");
    }

    @Test
    void signInWithoutAnAudience() throws Exception {
        assertOneClearLine(Map.of("AUTH", "google"), "AUTH_AUDIENCE is required with AUTH=google");
    }

    @Test
    void aMalformedBucketRule() throws Exception {
        assertOneClearLine(Map.of("AUTH", "google", "AUTH_AUDIENCE", "aud", "BUCKET_RULES", "alice=photos"),
                "BUCKET_RULES entry 'alice=photos' is malformed");
    }

    @Test
    void anInvalidPortIsCaughtBeforeTomcatStarts() throws Exception {
        assertOneClearLine(Map.of("PORT", "80800"), "PORT must be a port number from 0 to 65535, got: 80800");
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertOneClearLine(Map.of("PORT", Integer.toString(taken.getLocalPort())),
                    "port " + taken.getLocalPort() + " cannot be used: Address already in use");
        }
    }

    private static void assertOneClearLine(Map<String, String> settings, String reason) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("LOG_FORMAT", "json");
        RunningJar.CommandResult result = RunningJar.startExpectingExit(env);

        assertNotEquals(0, result.exitCode(), result.output());
        String[] lines = result.output().strip().split("\n");
        assertEquals(1, lines.length, "one line, not a report:\n" + result.output());
        JsonNode line = JSON.readTree(lines[0]);
        assertEquals("ERROR", line.get("severity").asText(), lines[0]);
        assertTrue(line.get("message").asText().startsWith("DayNight cannot start: " + reason), lines[0]);
        assertTrue(!line.has("stack_trace"), "no stack trace: " + lines[0]);
    }
}
