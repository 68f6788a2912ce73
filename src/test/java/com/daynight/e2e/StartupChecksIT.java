package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.logging.StartupStages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The Cloud SQL connector is in the jar: a Cloud SQL URL without Google credentials says so, in time. */
    @Test
    void aCloudSqlInstanceWithoutGoogleCredentials(@TempDir Path home) throws Exception {
        long started = System.nanoTime();
        assertOneClearLine(Map.of("DB_URL", cloudSqlUrl("daynight"), "DB_USER", "sa@my-project.iam",
                        "HOME", home.toString(), "GOOGLE_APPLICATION_CREDENTIALS", ""),
                "the database at " + cloudSqlUrl("daynight") + " cannot be reached: no Google credentials");
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "stopped within 30 s");
    }

    /** With credentials (a made-up service account key) but no instance to be had, it stops within 30 s too. */
    @Test
    void aCloudSqlInstanceThatCannotBeReached(@TempDir Path home) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path credentials = home.resolve("sa.json");
        JSON.writeValue(credentials.toFile(), Map.of("type", "service_account", "project_id", "my-project",
                "private_key_id", "test", "private_key", key, "client_id", "1",
                "client_email", "sa@my-project.iam.gserviceaccount.com", "token_uri", "https://oauth2.googleapis.com/token"));
        long started = System.nanoTime();
        assertOneClearLine(Map.of("DB_URL", cloudSqlUrl("nosuch"), "DB_USER", "sa@my-project.iam",
                        "HOME", home.toString(), "GOOGLE_APPLICATION_CREDENTIALS", credentials.toString()),
                "the database at " + cloudSqlUrl("nosuch"));
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "stopped within 30 s");
    }

    private static String cloudSqlUrl(String instance) {
        return "jdbc:mysql:///daynight?cloudSqlInstance=my-project:europe-west1:" + instance
                + "&socketFactory=com.google.cloud.sql.mysql.SocketFactory";
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
        // Stages that finished before the failure say so (one INFO line each); the failure itself is one line.
        List<String> lines = new ArrayList<>();
        for (String text : result.output().strip().split("\n")) {
            JsonNode line = JSON.readTree(text);
            boolean progress = line.get("severity").asText().equals("INFO")
                    && line.get("message").asText().startsWith(StartupStages.PREFIX);
            if (!progress) {
                lines.add(text);
            }
        }
        assertEquals(1, lines.size(), "one line, not a report:\n" + result.output());
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("ERROR", line.get("severity").asText(), lines.get(0));
        assertTrue(line.get("message").asText().startsWith("DayNight cannot start: " + reason), lines.get(0));
        if (settings.get("DB_URL") != null && settings.get("DB_URL").contains("cloudSqlInstance=")) {
            assertTrue(line.get("message").asText().contains("Cloud SQL instance my-project:europe-west1:"), lines.get(0));
        }
        assertTrue(!line.has("stack_trace"), "no stack trace: " + lines.get(0));
    }
}
