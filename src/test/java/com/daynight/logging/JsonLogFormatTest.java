package com.daynight.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The real logback.xml: LOG_FORMAT=json gives Cloud Logging's fields; anything else a readable line. */
class JsonLogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLinesCarrySeverityMessageTimeLoggerAndTheServiceId() throws Exception {
        LoggingEvent event = event(Level.WARN, "claim lost");
        event.setMDCPropertyMap(Map.of("serviceId", "BK98GPW5"));

        String line = encode("json", event);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = JSON.readTree(line);
        assertEquals("WARNING", json.get("severity").asText());
        assertEquals("claim lost", json.get("message").asText());
        assertEquals("com.daynight.job.WorkerPool", json.get("logger").asText());
        assertEquals("BK98GPW5", json.get("serviceId").asText());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), Instant.parse(json.get("timestamp").asText()));
        assertFalse(json.has("level"), "Cloud Logging reads severity; a second level field would only confuse");
    }

    @Test
    void keyValuePairsBecomeNestedFieldsSuchAsHttpRequest() throws Exception {
        LoggingEvent event = event(Level.INFO, "GET / 200 3 ms");
        event.setMDCPropertyMap(Map.of());
        event.addKeyValuePair(new KeyValuePair("httpRequest", Map.of("requestMethod", "GET", "status", 200)));

        JsonNode json = JSON.readTree(encode("json", event));

        assertEquals("GET", json.get("httpRequest").get("requestMethod").asText());
        assertEquals(200, json.get("httpRequest").get("status").asInt());
    }

    @Test
    void stackTracesStayInsideTheLineInTheFieldErrorReportingReads() throws Exception {
        LoggingEvent event = event(Level.ERROR, "failed");
        event.setMDCPropertyMap(Map.of());
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));

        String line = encode("json", event);

        assertEquals(1, line.strip().split("\n").length);
        JsonNode json = JSON.readTree(line);
        assertEquals("ERROR", json.get("severity").asText());
        assertTrue(json.get("stack_trace").asText().startsWith("java.lang.IllegalStateException: boom"));
    }

    @Test
    void otherwiseALineForPeople() throws Exception {
        LoggingEvent event = event(Level.INFO, "DayNight ready");
        event.setMDCPropertyMap(Map.of("serviceId", "BK98GPW5"));

        String line = encode("text", event);

        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO  \\[main] c\\.d\\.job\\.WorkerPool \\[BK98GPW5] - DayNight ready\\n"),
                line);
    }

    @Test
    void levelsAreNamedAsCloudLoggingNamesThem() {
        assertEquals("DEBUG", CloudSeverityJsonProvider.severity(Level.TRACE));
        assertEquals("DEBUG", CloudSeverityJsonProvider.severity(Level.DEBUG));
        assertEquals("INFO", CloudSeverityJsonProvider.severity(Level.INFO));
        assertEquals("WARNING", CloudSeverityJsonProvider.severity(Level.WARN));
        assertEquals("ERROR", CloudSeverityJsonProvider.severity(Level.ERROR));
    }

    private static LoggingEvent event(Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName("com.daynight.job.WorkerPool");
        event.setLevel(level);
        event.setMessage(message);
        event.setThreadName("main");
        event.setTimeStamp(1_700_000_000_123L);
        return event;
    }

    /** Configures a private context from the real logback.xml and encodes one event with the chosen appender. */
    private static String encode(String format, ILoggingEvent event) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(format);
        try {
            return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }
}
