package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV of 15,000 results and their JSON document, over HTTP from the same stand-in results: both are whole,
 * and the times of each (medians of several) are printed for docs/measurements.md. Nothing here asserts a time:
 * the figures are read, as the benchmarks' are, not checked on a shared machine.
 */
class CsvAndJsonTimesTest {

    private static final String ID = "CSV00001";
    private static final int COUNT = 15_000;
    private static WebTestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = WebTestServer.start();
        Instant at = Instant.parse("2026-11-24T10:15:03.250Z");
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(
                new ServiceRecord(ID, "Ann", "big", at, at, ServiceStatus.FINISHED, at, null, COUNT, (long) COUNT)));
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            results.add(i % 50 == 0 ? ImageResult.failed("broken, \"" + i + "\".jpg", "not a decodable JPEG")
                    : ImageResult.classified(String.format("img%05d.jpg", i), i % 3 == 0 ? Label.NIGHT : Label.DAY,
                    0.5 + (i % 500) / 1000.0));
        }
        doAnswer(call -> {
            results.stream().skip(call.<Long>getArgument(1)).forEach(call.<Consumer<ImageResult>>getArgument(2));
            return null;
        }).when(server.results).forEach(eq(ID), anyLong(), any());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void csvIsWholeAndTimedBesideJson() throws Exception {
        String csv = get("csv");
        assertEquals(COUNT + 1, csv.lines().count());
        assertEquals("image,result,confidence", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("\n\"broken, \"\"50\"\".jpg\",error,\n"), "quoted as CSV quotes");
        assertTrue(csv.contains("\nimg00001.jpg,day,0.5010\n"), "four decimals");
        assertTrue(get("json").contains("\"img14999.jpg\""));
        long[] csvTimes = new long[7];
        long[] jsonTimes = new long[7];
        for (int i = 0; i < csvTimes.length; i++) { // alternated, so that a busy moment costs both alike
            csvTimes[i] = time("csv");
            jsonTimes[i] = time("json");
        }
        System.out.printf("csv vs json: %d results, median CSV %.1f ms, median JSON %.1f ms%n", COUNT,
                median(csvTimes) / 1e6, median(jsonTimes) / 1e6);
    }

    @Test
    void confidencesAreWrittenAsTheFormatterWroteThem() {
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 100_000; i++) {
            double value = i < 20_000 ? i / 20_000.0 + 0.00005 : random.nextDouble();
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", value), ResultsCsv.fourDecimals(value));
        }
        assertEquals("1.0000", ResultsCsv.fourDecimals(1.0));
    }

    private long time(String format) throws Exception {
        long began = System.nanoTime();
        get(format);
        return System.nanoTime() - began;
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private String get(String format) throws Exception {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(
                server.uri("/services/" + ID + "?format=" + format)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
        return resp.body();
    }
}
