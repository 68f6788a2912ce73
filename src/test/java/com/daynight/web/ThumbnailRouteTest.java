package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.classify.TestPictures;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /services/{id}/thumbnails/{n}: the owner's picture as a small JPEG made from the bucket, a 404 without
 * reading anything for a service the viewer may not see, and a placeholder, never a 500, for a picture that
 * cannot be shown. Prints the time to make a thumbnail of a 2 MP and a 12 MP picture.
 */
class ThumbnailRouteTest {

    private static final String ID = "THUMB001";
    private static final Instant AT = Instant.parse("2026-11-24T10:15:03.250Z");
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

    @BeforeEach
    void ownersService() throws Exception {
        reset(server.services, server.results, server.store);
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(new ServiceRecord(ID, "Ann", "photos", AT,
                AT, ServiceStatus.FINISHED, AT, null, 3, 3L)));
        when(server.results.at(eq(ID), anyLong())).thenReturn(Optional.empty());
        when(server.results.at(ID, 0)).thenReturn(Optional.of(ImageResult.classified("big.jpg", Label.DAY, 0.9)));
        when(server.results.at(ID, 1)).thenReturn(Optional.of(ImageResult.classified("bad.jpg", Label.DAY, 0.9)));
        when(server.results.at(ID, 2)).thenReturn(Optional.of(ImageResult.failed("broken.jpg", "not a JPEG")));
        when(server.results.at(ID, 3)).thenReturn(Optional.of(ImageResult.classified("small.jpg", Label.NIGHT, 0.8)));
        when(server.store.read("photos", "big.jpg")).thenReturn(TestPictures.jpeg(TestPictures.noisy(1600, 1200, 150, 1)));
        when(server.store.read("photos", "bad.jpg")).thenReturn("not a picture".getBytes(StandardCharsets.UTF_8));
        when(server.store.read("photos", "small.jpg")).thenReturn(TestPictures.jpeg(TestPictures.noisy(400, 300, 60, 2)));
    }

    @Test
    void theOwnerGetsASmallJpegThatMayBeCached() throws Exception {
        for (int n : new int[] {0, 3}) { // from the 1/8 picture, and from the whole of a small one
            HttpResponse<byte[]> resp = get("/services/" + ID + "/thumbnails/" + n);
            assertEquals(200, resp.statusCode());
            assertEquals("image/jpeg", resp.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("private, max-age=3600", resp.headers().firstValue("Cache-Control").orElseThrow());
            BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(resp.body()));
            assertEquals(160, thumbnail.getWidth());
            assertEquals(120, thumbnail.getHeight());
            assertTrue(resp.body().length < 20_000, "small: " + resp.body().length + " bytes");
        }
    }

    @Test
    void aServiceTheViewerMayNotSeeIsNotFoundAndNothingIsRead() throws Exception {
        when(server.services.find(eq(ID), any())).thenReturn(Optional.empty()); // someone else's, or none
        HttpResponse<byte[]> resp = get("/services/" + ID + "/thumbnails/0");
        assertEquals(404, resp.statusCode());
        verify(server.store, never()).read(anyString(), anyString());
        verify(server.results, never()).at(anyString(), anyInt());
    }

    @Test
    void aPictureThatCannotBeShownGetsAPlaceholder() throws Exception {
        for (int n : new int[] {1, 2}) { // undecodable bytes; an error entry (not even read)
            HttpResponse<byte[]> resp = get("/services/" + ID + "/thumbnails/" + n);
            assertEquals(200, resp.statusCode());
            assertEquals("image/svg+xml", resp.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(new String(resp.body(), StandardCharsets.UTF_8).contains("no preview"));
        }
        verify(server.store, never()).read("photos", "broken.jpg");
        when(server.store.read("photos", "big.jpg")).thenThrow(new IOException("object 'big.jpg' no longer exists"));
        assertEquals("image/svg+xml", get("/services/" + ID + "/thumbnails/0").headers()
                .firstValue("Content-Type").orElseThrow(), "gone from the bucket");
    }

    @Test
    void addressesThatNameNoPictureAreNotFound() throws Exception {
        for (String path : new String[] {"/thumbnails/4", "/thumbnails/x", "/thumbnails/-1", "/thumbnails/",
                "/pictures/0", "/thumbnails/99999999999"}) {
            assertEquals(404, get("/services/" + ID + path).statusCode(), path);
        }
        assertEquals(404, get("/services/nope/thumbnails/0").statusCode());
    }

    @Test
    void thumbnailTimes() throws Exception {
        when(server.store.read("photos", "huge.jpg")).thenReturn(TestPictures.jpeg(TestPictures.noisy(4000, 3000, 150, 3)));
        when(server.results.at(ID, 5)).thenReturn(Optional.of(ImageResult.classified("huge.jpg", Label.DAY, 0.9)));
        System.out.printf("thumbnails: 1600x1200 median %.1f ms, 4000x3000 median %.1f ms, 400x300 median %.1f ms%n",
                medianMillis(0), medianMillis(5), medianMillis(3));
    }

    private double medianMillis(int n) throws Exception {
        long[] times = new long[9];
        for (int i = 0; i < times.length; i++) {
            long began = System.nanoTime();
            assertEquals(200, get("/services/" + ID + "/thumbnails/" + n).statusCode());
            times[i] = System.nanoTime() - began;
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
