package com.daynight.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The results document of the contract, {"serviceResults": {...}}. Written with a streaming generator,
 * so a service of many thousand images never needs its whole document as a tree in memory.
 */
public final class ResultsDocument {

    private static final JsonFactory JSON = new JsonFactory();

    private ResultsDocument() {
    }

    /** The document as stored in the Results column when a service finishes. */
    public static String toJson(ServiceRecord service, Iterable<ImageResult> results) {
        StringWriter out = new StringWriter();
        write(service, results, false, out);
        return out.toString();
    }

    /**
     * Writes the document; {@code withStatus} adds Status, the times and Progress inside serviceResults,
     * as GET /services/{id} answers.
     */
    public static void write(ServiceRecord service, Iterable<ImageResult> results, boolean withStatus, Writer out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("serviceResults");
            json.writeStringField("UserName", service.userName());
            writeRequestDate(json, service.requestTime());
            json.writeStringField("ServiceId", service.serviceId());
            json.writeStringField("Bucket", service.bucket());
            if (withStatus) {
                writeStatusFields(json, service);
            }
            json.writeArrayFieldStart("Results");
            for (ImageResult result : results) {
                writeResult(json, result);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRequestDate(JsonGenerator json, Instant requestTime) throws IOException {
        ZonedDateTime utc = requestTime.atZone(ZoneOffset.UTC);
        json.writeObjectFieldStart("ServiceRequestDate");
        json.writeStringField("year", Integer.toString(utc.getYear()));
        json.writeStringField("month", utc.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        json.writeStringField("day", Integer.toString(utc.getDayOfMonth()));
        json.writeStringField("time", String.format(Locale.ROOT, "%02dh%02dm", utc.getHour(), utc.getMinute()));
        json.writeEndObject();
    }

    /** Status, ServiceStartTime, ServiceEndTime (ISO-8601 UTC or null), Error if any, and Progress. */
    public static void writeStatusFields(JsonGenerator json, ServiceRecord service) throws IOException {
        json.writeStringField("Status", service.status().dbValue());
        writeTime(json, "ServiceStartTime", service.startTime());
        writeTime(json, "ServiceEndTime", service.endTime());
        if (service.error() != null) {
            json.writeStringField("Error", service.error());
        }
        json.writeObjectFieldStart("Progress");
        json.writeNumberField("done", service.done());
        if (service.total() == null) {
            json.writeNullField("total");
        } else {
            json.writeNumberField("total", service.total());
        }
        json.writeEndObject();
    }

    public static void writeTime(JsonGenerator json, String field, Instant time) throws IOException {
        if (time == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, time.toString());
        }
    }

    private static void writeResult(JsonGenerator json, ImageResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("image", result.image());
        json.writeStringField("result", result.result());
        if (result.error() != null) {
            json.writeStringField("error", result.error());
        }
        if (result.confidence() != null) {
            // Rounded: more digits would claim a precision the calibration does not have.
            json.writeNumberField("confidence", Math.round(result.confidence() * 10_000) / 10_000.0);
        }
        json.writeEndObject();
    }
}
