package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.daynight.classify.Label;
import com.daynight.e2e.Browser;
import com.daynight.persistence.ServicesTable.ServiceWithCounts;
import com.daynight.service.ImageResult;
import com.daynight.service.ResultCounts;
import com.daynight.service.ServiceRecord;
import com.daynight.service.ServiceStatus;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * service-progress.js in a real browser against the real webapp, with the database stood in for: the page of a
 * running service asks only for the results after those it holds, adds their counts to its own, and draws
 * itself again when the service started over (fewer results than it holds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicePageScriptIT {

    private static final String ID = "RUNX0001";
    private static final Instant AT = Instant.parse("2026-11-24T10:15:00Z");
    private static final List<ImageResult> FIRST = List.of(ImageResult.classified("a.jpg", Label.DAY, 0.9),
            ImageResult.classified("b.jpg", Label.NIGHT, 0.8), ImageResult.classified("c.jpg", Label.DAY, 0.7));

    private WebTestServer server;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path downloads) throws Exception {
        Browser.assumeInstalled();
        server = WebTestServer.start();
        browser = Browser.start(downloads);
    }

    @AfterAll
    void stop() throws Exception {
        try (WebTestServer stopping = server) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    /** The stand-in database holds {@code results} of a running service of 10 images. */
    private void holds(List<ImageResult> results) throws SQLException {
        ServiceRecord record = new ServiceRecord(ID, "Ann", "photos", AT, AT, ServiceStatus.STARTED, null, null,
                results.size(), 10L);
        when(server.services.find(eq(ID), any())).thenReturn(Optional.of(record));
        when(server.services.findWithCounts(eq(ID), any())).thenReturn(Optional.of(new ServiceWithCounts(record,
                new ResultCounts(count(results, "day"), count(results, "night"), count(results, "error")))));
        doAnswer(call -> {
            results.stream().skip(call.<Long>getArgument(1)).forEach(call.<Consumer<ImageResult>>getArgument(2));
            return null;
        }).when(server.results).forEach(eq(ID), anyLong(), any());
        when(server.results.page(eq(ID), any())).thenAnswer(call -> FakeResultPages.page(results, call.getArgument(1)));
        when(server.results.confidenceHistogram(eq(ID), anyInt())).thenAnswer(call ->
                FakeResultPages.histogram(results, call.getArgument(1)));
    }

    private static int count(List<ImageResult> results, String kind) {
        return (int) results.stream().filter(r -> r.result().equals(kind)).count();
    }

    private void openPage() {
        browser.driver.get(server.uri("/services/" + ID).toString());
        browser.script("window.notReloaded = true;");
    }

    private void awaitCounts(int day, int night, int error) {
        // The page may be drawn again, or reloaded, between finding an element and reading it: Chromium then says
        // the element is stale, or that its "node does not belong to the document"; the next poll reads it again.
        new WebDriverWait(browser.driver, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(WebDriverException.class).until(d ->
                browser.text("count-day").equals(String.valueOf(day))
                        && browser.text("count-night").equals(String.valueOf(night))
                        && browser.text("count-error").equals(String.valueOf(error)));
    }

    private int rows() {
        return browser.driver.findElements(By.cssSelector("#results tbody tr")).size();
    }

    @Test
    void newResultsAreAskedForFromWhereThePageIsAndAddedToItsCounts() throws Exception {
        holds(FIRST);
        openPage();
        assertEquals(3, rows());
        clearInvocations(server.results);
        holds(Stream.concat(FIRST.stream(), Stream.of(ImageResult.classified("d.jpg", Label.DAY, 0.6),
                ImageResult.failed("e.jpg", "not a decodable JPEG"))).toList());

        awaitCounts(3, 1, 1);
        assertEquals(5, rows(), "the two new rows follow the three the page had");
        assertEquals("e.jpg", browser.driver.findElement(By.cssSelector("#results tbody tr:last-child td")).getText());
        assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "updated in place");
        verify(server.results, atLeastOnce()).forEach(eq(ID), eq(3L), any());
    }

    @Test
    void aServiceThatStartedOverDrawsItsPageAgain() throws Exception {
        holds(FIRST);
        openPage();
        holds(List.of(ImageResult.classified("z.jpg", Label.NIGHT, 0.9)));

        awaitCounts(0, 1, 0);
        assertEquals(null, browser.script("return window.notReloaded;"), "the page was loaded again");
        assertEquals(1, rows(), "no stale rows stay behind");
    }
}
