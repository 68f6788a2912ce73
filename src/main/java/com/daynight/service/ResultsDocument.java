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
import java.util.function.Consumer;

/**
 * The results document of the contract, {"serviceResults": {...}}. Written with a streaming generator,
 * so a service of many thousand images never needs its whole document as a tree in memory.
 */
public final class ResultsDocument {

    /** In the stored document of a service too big for one row: where its results are kept instead. */
    public static final String RESULTS_STORED_IN = "ResultsStoredIn";
    public static final String RESULTS_COUNT = "ResultsCount";
    /** In an answer that holds the results from some index on only: that index. */
    public static final String RESULTS_FROM = "ResultsFrom";

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
        write(service, withStatus, out, results::forEach);
    }

    /** Hands results one by one to a sink, as they are read (from the database, page by page). */
    @FunctionalInterface
    public interface ResultSource<E extends Exception> {
        void forEach(Consumer<ImageResult> sink) throws E;
    }

    /**
     * Writes the document with the results as {@code results} hands them on, so none needs to be held.
     * When the source fails, the generator is dropped unclosed: it neither ends the document (a cut-short
     * answer never passes for a whole one) nor flushes what it buffered, so an answer that has not gone out
     * yet can still become an error.
     */
    public static <E extends Exception> void write(ServiceRecord service, boolean withStatus, Writer out,
            ResultSource<E> results) throws E {
        write(service, withStatus, 0, out, results);
    }

    /**
     * As {@link #write(ServiceRecord, boolean, Writer, ResultSource)}, for the results from index {@code from}
     * on; unless that is 0, {@value #RESULTS_FROM} says so, so that a part is never taken for the whole.
     */
    public static <E extends Exception> void write(ServiceRecord service, boolean withStatus, long from, Writer out,
            ResultSource<E> results) throws E {
        try {
            JsonGenerator json = JSON.createGenerator(out);
            writeHeader(json, service, withStatus);
            if (from != 0) {
                json.writeNumberField(RESULTS_FROM, from);
            }
            json.writeArrayFieldStart("Results");
            results.forEach(result -> writeResult(json, result));
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document stored when the whole of it is too big for one row: every field but Results, and instead
     * where the results are kept and how many there are. GET /services/{id} still answers the whole document.
     */
    public static String withResultsKeptIn(ServiceRecord service, String storedIn, long resultsCount) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeHeader(json, service, false);
            json.writeStringField(RESULTS_STORED_IN, storedIn);
            json.writeNumberField(RESULTS_COUNT, resultsCount);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeHeader(JsonGenerator json, ServiceRecord service, boolean withStatus)
            throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("serviceResults");
        json.writeStringField("UserName", service.userName());
        writeRequestDate(json, service.requestTime());
        json.writeStringField("ServiceId", service.serviceId());
        json.writeStringField("Bucket", service.bucket());
        if (withStatus) {
            writeStatusFields(json, service);
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

    /** Status, ServiceStartTime, ServiceEndTime (ISO-8601 UTC or null), Error and Notice if any, and Progress. */
    public static void writeStatusFields(JsonGenerator json, ServiceRecord service) throws IOException {
        json.writeStringField("Status", service.status().dbValue());
        writeTime(json, "ServiceStartTime", service.startTime());
        writeTime(json, "ServiceEndTime", service.endTime());
        if (service.error() != null) {
            json.writeStringField("Error", service.error());
        }
        if (service.notice() != null) {
            json.writeStringField("Notice", service.notice());
        }
        json.writeObjectFieldStart("Progress");
        json.writeNumberField("done", service.done());
        if (service.total() == null) {
            json.writeNullField("total");
        } else {
            json.writeNumberField("total", service.total());
        }
        // false while the bucket is still being listed: total is then what was found so far, "at least".
        json.writeBooleanField("listed", !service.totalIsLowerBound());
        json.writeEndObject();
    }

    public static void writeTime(JsonGenerator json, String field, Instant time) throws IOException {
        if (time == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, time.toString());
        }
    }

    private static void writeResult(JsonGenerator json, ImageResult result) {
        try {
            writeEntry(json, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEntry(JsonGenerator json, ImageResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("image", result.image());
        json.writeStringField("result", result.result());
        if (result instanceof ImageResult.Failed failed) {
            json.writeStringField("error", failed.error());
        } else if (result instanceof ImageResult.Classified classified) {
            // Rounded: more digits would claim a precision the calibration does not have.
            json.writeNumberField("confidence", Math.round(classified.confidence() * 10_000) / 10_000.0);
        }
        json.writeEndObject();
    }
}
