package com.daynight.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;

/**
 * Writes the event's level as Cloud Logging's {@code severity}, which names the levels differently
 * (WARNING, not WARN) and has no TRACE: with the wrong word, every line would be shown at the default severity.
 */
public class CloudSeverityJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    public CloudSeverityJsonProvider() {
        setFieldName("severity");
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        JsonWritingUtils.writeStringField(generator, getFieldName(), severity(event.getLevel()));
    }

    static String severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }
}
