package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /services/{id}?format=json is written while the results are read from the database, page by page:
 * a failure before anything went out is still a 503, and one later on never leaves a document that looks whole.
 */
class ServiceJsonStreamTest {

    private static final String ID = "BIG00001";
    private static WebTestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = WebTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static ServiceRecord finished(int results) {
        Instant at = Instant.parse("2026-11-24T10:15:03.250Z");
        return new ServiceRecord(ID, "Ann", "big-bucket", at, at, ServiceStatus.FINISHED, at, null, results, (long) results);
    }

    /** Hands on {@code before} results, then fails as a lost database connection does. */
    private static void resultsFailingAfter(int before) throws SQLException {
        doAnswer(call -> {
            Consumer<ImageResult> sink = call.getArgument(2);
            for (int i = 0; i < before; i++) {
                sink.accept(ImageResult.classified(String.format("img-%06d.jpg", i), Label.DAY, 0.9));
            }
            throw new SQLException("connection lost");
        }).when(server.results).forEach(eq(ID), eq(0L), any());
    }

    private HttpResponse<String> getJson() throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/services/" + ID + "?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailureBeforeTheFirstResultIsStillA503() throws Exception {
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(finished(300_000)));
        resultsFailingAfter(0);
        HttpResponse<String> resp = getJson();
        assertEquals(503, resp.statusCode(), resp.body());
        assertFalse(resp.body().contains("serviceResults"), resp.body());
    }

    @Test
    void aFailureHalfWayCutsTheAnswerShortAndNeverEndsTheDocument() throws Exception {
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(finished(300_000)));
        resultsFailingAfter(20_000); // about 1 MB: much of it has gone out already, the status line too
        // The chunked answer ends without its last chunk, so the client knows it is not whole.
        IOException cutShort = assertThrows(IOException.class, this::getJson);
        assertTrue(cutShort.getMessage().contains("chunked"), cutShort.toString());
    }
}
