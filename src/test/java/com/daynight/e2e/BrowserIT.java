package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The product as a person meets it: the runnable jar, and a headless Chromium that makes a mistake in the
 * form and corrects it, copies the ServiceID, watches a service run to its end, filters the results,
 * downloads them and lists a user's services. Every page is saved at desktop and phone widths under
 * target/screenshots for a human to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    private static final String USER_NAME = "Zoë O'Brien <&>";
    /** Whose list holds exactly the services of the test that lists them. */
    private static final String LIST_USER = "Åsa \"Night Owl\" <b>";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The big bucket: the 160 amos pictures this many times over, hard links so they cost no disk. */
    private static final int BIG_COPIES = 40;
    /** The gallery's bucket: this many small pictures, named in order. */
    private static final int TEN_K = 10_000;

    private RunningJar service;
    private ServiceClient client;
    private Browser browser;
    private String base;
    private ResultsTableView table;

    @BeforeAll
    void startServiceAndBrowser(@TempDir Path work) throws Exception {
        Browser.assumeInstalled();
        Path buckets = work.resolve("buckets");
        assertEquals(10, AmosBucket.create(buckets, "holiday", 5));
        Files.writeString(buckets.resolve("holiday").resolve("broken.jpg"), "not a picture");
        assertEquals(160 * BIG_COPIES, AmosBucket.createLinked(buckets, "big", BIG_COPIES));
        tenThousandPictures(buckets.resolve("tenk"));
        // JSON log lines: their access lines carry the query, which shows what the page's polls asked for.
        service = RunningJar.start("browser", Map.of("BUCKETS_DIR", buckets.toString(),
                "DATA_DIR", work.resolve("data").toString(), "WORKERS", "2", "LOG_FORMAT", "json"));
        client = new ServiceClient(service);
        base = service.baseUrl();
        browser = Browser.start(Files.createDirectories(work.resolve("downloads")));
        table = new ResultsTableView(browser.driver);
    }

    @AfterAll
    void stopBrowserAndService() throws Exception {
        try (RunningJar stopping = service) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @BeforeEach
    void readerInUtc() {
        browser.timeZone("UTC");
    }

    @Test
    void aPersonCorrectsABadBucketAndCopiesTheServiceId() throws Exception {
        browser.driver.get(base + "/");
        assertEquals("Classify the images of a bucket", browser.text("submit-heading"));
        browser.screenshots("01-form");

        browser.tabTo("userName");
        browser.driver.switchTo().activeElement().sendKeys(USER_NAME);
        browser.tabTo("bucket");
        browser.leavePageBy(() -> browser.driver.switchTo().activeElement().sendKeys("Bad_Bucket", Keys.ENTER));
        String error = browser.text("bucket-error");
        assertTrue(error.startsWith("the bucket name is not a valid Google Cloud Storage bucket name"), error);
        assertEquals("true", browser.find("bucket").getDomAttribute("aria-invalid"));
        assertEquals("bucket", browser.driver.switchTo().activeElement().getDomAttribute("id"),
                "the field to correct has the focus");
        assertTrue(browser.driver.findElements(By.id("userName-error")).isEmpty(), "only the bucket is wrong");
        assertEquals(USER_NAME, browser.find("userName").getDomProperty("value"), "kept, unescaped");
        assertEquals("Bad_Bucket", browser.find("bucket").getDomProperty("value"));
        assertTrue(browser.driver.getTitle().startsWith("Check the form"), browser.driver.getTitle());
        browser.screenshots("02-form-invalid");

        WebElement bucket = browser.find("bucket");
        bucket.clear();
        browser.leavePageBy(() -> bucket.sendKeys("holiday", Keys.ENTER));
        String serviceId = browser.text("service-id").strip();
        assertTrue(serviceId.matches("[A-Z0-9]{8}"), "ServiceID: " + serviceId);
        assertEquals("Your service is accepted", browser.text("accepted-heading"));
        browser.screenshots("03-confirmation");

        browser.allowClipboard(base);
        browser.find("copy-id").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                .until(d -> browser.text("copy-status").contains(serviceId));
        assertEquals("Copied", browser.text("copy-id"));
        assertEquals(serviceId, browser.clipboard());

        browser.leavePageBy(() -> browser.find("follow-service").click());
        assertEquals(base + "/services/" + serviceId, browser.driver.getCurrentUrl());
        assertEquals(serviceId, browser.text("service-id"));
    }

    @Test
    void theServicePageFollowsABigServiceToItsEnd() throws Exception {
        browser.timeZone("Asia/Kolkata");
        String id = client.submitForm("userName=Ann&bucket=big");
        browser.driver.get(base + "/services/" + id);
        String firstStatus = browser.text("status");
        assertTrue(firstStatus.equals("queued") || firstStatus.equals("started"),
                "the service must still run when its page opens; make the big bucket bigger: " + firstStatus);
        browser.script("window.notReloaded = true;");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(d -> browser.text("progress-text").matches("[1-9]\\d* of \\d+") || !browser.find("status")
                        .getText().matches("queued|started"));
        browser.screenshots("04-service-running");

        Set<String> progressSeen = new LinkedHashSet<>();
        awaitStatus("finished", Duration.ofMinutes(3), () -> progressSeen.add(browser.text("progress-text")));
        int total = 160 * BIG_COPIES;
        assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "updated in place");
        assertEquals(total + " of " + total, browser.text("progress-text"));
        assertEquals("100", browser.find("progress-bar").getDomAttribute("aria-valuenow"));
        assertEquals(total, count("count-day") + count("count-night") + count("count-error"));
        assertEquals(0, count("count-error"));
        long serverDays = StreamSupport.stream(client.document(id).get("serviceResults").get("Results").spliterator(),
                false).filter(entry -> entry.get("result").asText().equals("day")).count();
        assertEquals(serverDays, count("count-day"), "the page's counts, grown poll by poll, are the server's");
        List<Integer> pollsFrom = pollsFrom(id);
        assertTrue(pollsFrom.size() >= 2 && pollsFrom.get(pollsFrom.size() - 1) > 0, "polls asked only for new "
                + "results: " + pollsFrom);
        assertEquals(pollsFrom.stream().sorted().toList(), pollsFrom, "each poll from where the last one ended");
        assertTrue(browser.text("announcer").startsWith("The service is finished"), browser.text("announcer"));
        assertTrue(browser.find("progress-hint").getDomAttribute("hidden") != null, "no longer says it follows");
        assertEquals(100, table.rows().size(), "the table's first page holds 100 rows");
        assertTrue(browser.find("more-note").isDisplayed() || !browser.driver.findElements(By.id("pager")).isEmpty(),
                "the page says where the other results are");
        assertLocalTime("ended-time", ZoneId.of("Asia/Kolkata"));
        System.out.printf("browser: %d images; the page showed the progress %s%n", total, progressSeen);
    }

    @Test
    void theResultsTableIsFilteredAndSortedByTheServer() throws Exception {
        String id = client.submitForm("userName=Ann&bucket=holiday");
        client.awaitDone(id, Duration.ofMinutes(1));
        browser.driver.get(base + "/services/" + id + "?view=table");
        assertEquals("finished", browser.text("status"));
        assertEquals(5, count("count-day"));
        assertEquals(5, count("count-night"));
        assertEquals(1, count("count-error"));
        browser.screenshots("05-service-finished");
        List<String> listed = table.imageNames();

        browser.leavePageBy(() -> table.clickFilter("night"));
        table.assertFilter("night");
        assertEquals(List.of("night"), table.visibleResults().stream().distinct().toList());
        assertEquals(5, table.visibleResults().size());
        assertTrue(browser.driver.getCurrentUrl().endsWith("?view=table&show=night"), "a reload keeps the filter");
        browser.leavePageBy(() -> table.clickFilter("errors"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("show=errors"), "the link says what the server reads");
        List<WebElement> errors = table.visibleRows();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getText().startsWith("broken.jpg"), errors.get(0).getText());
        assertTrue(browser.driver.findElements(By.id("listing-notices")).isEmpty(), "no notice: a known value");
        browser.screenshots("06-service-errors");
        browser.leavePageBy(() -> table.clickFilter("all"));
        assertEquals(11, table.visibleRows().size());

        browser.leavePageBy(() -> browser.find("sort-name").click());
        assertEquals("ascending", browser.find("sort-name").getDomAttribute("aria-sort"));
        assertEquals(listed.stream().sorted().toList(), table.imageNames());
        browser.leavePageBy(() -> browser.find("sort-name").click());
        assertEquals(listed.stream().sorted(java.util.Comparator.reverseOrder()).toList(), table.imageNames());
        browser.leavePageBy(() -> browser.find("sort-listing").click());
        assertEquals(listed, table.imageNames(), "back to the bucket's order");

        browser.driver.get(base + "/services/" + id + "?show=everything");
        assertTrue(browser.text("listing-notices").contains("show=everything is not a filter"),
                "an unknown filter is named, not silently shown as all");
    }

    @Test
    void theGalleryPagesAndSortsTenThousandResults() throws Exception {
        String id = client.submitForm("userName=Gil&bucket=tenk");
        client.awaitDone(id, Duration.ofMinutes(3));
        browser.driver.get(base + "/services/" + id);
        assertEquals(48, gallery().size(), "a finished service opens on its gallery, 48 pictures a page");
        assertEquals("img00000.jpg", pictureName(0));
        assertTrue(browser.text("page-summary").contains("1–48 of " + TEN_K), browser.text("page-summary"));
        awaitThumbnail(0);
        assertTrue(gallery().get(0).getText().matches("(?s).*(day|night).*\\d+\\.\\d%.*"), gallery().get(0).getText());
        assertTrue(browser.find("confidence-plot").isDisplayed(), "the confidences plotted");
        browser.atPhoneWidth(() -> {
            List<WebElement> pictures = gallery();
            assertEquals(pictures.get(0).getRect().getY(), pictures.get(1).getRect().getY(), "two a row on a phone");
            assertTrue(pictures.get(2).getRect().getY() > pictures.get(0).getRect().getY());
            assertTrue(pictures.get(1).getRect().getX() + pictures.get(1).getRect().getWidth() <= Browser.PHONE_WIDTH,
                    "within the phone's width");
        });

        browser.leavePageBy(() -> browser.find("sort-name").click());
        browser.leavePageBy(() -> browser.find("sort-name").click());
        assertTrue(browser.driver.getCurrentUrl().endsWith("?sort=name&order=desc"), browser.driver.getCurrentUrl());
        assertEquals("img09999.jpg", pictureName(0), "descending names begin with the last of all, not of a first slice");
        browser.leavePageBy(() -> browser.find("page-next").click());
        assertEquals("img09951.jpg", pictureName(0));
        assertEquals("49", browser.text("first-shown"));
        int pages = (TEN_K + 47) / 48;
        browser.leavePageBy(() -> browser.driver.findElement(By.cssSelector("#pager a[data-page='" + pages + "']")).click());
        assertEquals(TEN_K - (pages - 1) * 48, gallery().size());
        assertEquals("img00000.jpg", pictureName(gallery().size() - 1));

        browser.leavePageBy(() -> browser.find("view-table").click());
        assertEquals(100, table.rows().size(), "the table view, with the same order");
        assertEquals("img09999.jpg", table.imageNames().get(0));

        browser.driver.get(base + "/services/" + id + "?size=12&sort=confidence");
        for (int i = 0; i < 12; i++) {
            awaitThumbnail(i);
        }
        browser.screenshots("11-gallery");
    }

    private List<WebElement> gallery() {
        return browser.driver.findElements(By.cssSelector("#gallery li"));
    }

    private String pictureName(int index) {
        return gallery().get(index).findElement(By.cssSelector(".picture-name")).getText();
    }

    private void awaitThumbnail(int index) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.script(
                "const img = document.querySelectorAll('#gallery img')[arguments[0]];"
                        + " return img.complete && img.naturalWidth > 0;", index)));
    }

    @Test
    void theResultsDocumentDownloads() throws Exception {
        String id = client.submitForm("userName=Ann&bucket=holiday");
        client.awaitDone(id, Duration.ofMinutes(1));
        browser.driver.get(base + "/services/" + id);
        browser.find("download-json").click();
        JsonNode document = JSON.readTree(browser.awaitDownload(id + ".json").toFile()).get("serviceResults");
        assertEquals(id, document.get("ServiceId").asText());
        assertEquals("finished", document.get("Status").asText());
        assertEquals(11, document.get("Results").size());
        browser.find("download-csv").click();
        List<String> csv = Files.readAllLines(browser.awaitDownload(id + ".csv"));
        assertEquals("image,result,confidence", csv.get(0));
        assertEquals(12, csv.size());
    }

    @Test
    void aUserSeesTheirServicesWhileTypingAndAsAList() throws Exception {
        String finished = client.submitForm("userName=" + URLEncoder.encode(LIST_USER, StandardCharsets.UTF_8)
                + "&bucket=holiday");
        String failed = client.submitForm("userName=" + URLEncoder.encode(LIST_USER, StandardCharsets.UTF_8)
                + "&bucket=no-such-bucket");
        client.awaitDone(finished, Duration.ofMinutes(1));
        client.awaitDone(failed, Duration.ofMinutes(1));

        browser.driver.get(base + "/");
        browser.find("userName").sendKeys(LIST_USER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.find("recent").isDisplayed());
        assertEquals("Recent services of " + LIST_USER, browser.text("recent-heading"));
        String recent = browser.text("recent-list");
        assertTrue(recent.contains(finished) && recent.contains(failed), recent);
        browser.screenshots("07-form-recent");

        browser.find("listUserName").sendKeys(LIST_USER);
        browser.leavePageBy(() -> browser.find("listUserName").sendKeys(Keys.ENTER));
        assertEquals(LIST_USER, browser.text("list-heading"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#services tbody tr"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getText().contains(failed) && rows.get(0).getText().contains("failed"), "newest first");
        assertTrue(rows.get(1).getText().contains(finished) && rows.get(1).getText().contains("finished"));
        assertTrue(rows.get(1).getText().contains("11 of 11"), rows.get(1).getText());
        browser.screenshots("08-services-list");

        browser.leavePageBy(() -> rows.get(0).findElement(By.linkText(failed)).click());
        assertEquals("failed", browser.text("status"));
        assertEquals("bucket not found or not allowed", browser.text("service-error-text"), "missing and forbidden alike");
        browser.screenshots("09-service-failed");
    }

    @Test
    void anUnknownServiceIdGetsAFriendlyPage() throws Exception {
        browser.driver.get(base + "/");
        browser.find("serviceId").sendKeys("nope1234");
        browser.leavePageBy(() -> browser.find("serviceId").sendKeys(Keys.ENTER));
        assertEquals(base + "/services/NOPE1234", browser.driver.getCurrentUrl());
        assertEquals("No such service", browser.text("error-heading"));
        assertEquals("NOPE1234", browser.find("serviceId").getDomProperty("value"), "offered for correction");
        assertEquals(404, client.get("/services/NOPE1234", "text/html").statusCode());
        browser.screenshots("10-error-not-found");
    }

    // --- helpers

    /** img00000.jpg to img09999.jpg: four small pictures, hard-linked over and over (no disk to speak of). */
    private static void tenThousandPictures(Path bucket) throws IOException {
        Files.createDirectories(bucket);
        List<byte[]> pictures = TinyJpegs.create();
        List<Path> originals = new java.util.ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            originals.add(Files.write(bucket.getParent().resolve("tiny" + i + ".jpg"), pictures.get(i)));
        }
        for (int i = 0; i < TEN_K; i++) {
            Files.createLink(bucket.resolve(String.format("img%05d.jpg", i)), originals.get(i % originals.size()));
        }
    }

    /** The from=n of each of the page's polls for the service, in order, read from the service's access log. */
    private List<Integer> pollsFrom(String id) throws IOException {
        Pattern poll = Pattern.compile("\"requestUrl\":\"/services/" + id + "\\?format=json&from=(\\d+)\"");
        return service.log().lines().map(poll::matcher).filter(Matcher::find)
                .map(found -> Integer.valueOf(found.group(1))).toList();
    }

    private void awaitStatus(String wanted, Duration timeout, Runnable onEachLook) {
        new WebDriverWait(browser.driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage(() -> "status never became " + wanted)
                .until(d -> {
                    onEachLook.run();
                    String status = browser.text("status");
                    assertFalse(status.equals("failed") && !wanted.equals("failed"), "the service failed");
                    return status.equals(wanted);
                });
    }

    private int count(String id) {
        return Integer.parseInt(browser.text(id));
    }

    /** The page shows the time in the reader's zone; the title keeps what the service recorded, in UTC. */
    private void assertLocalTime(String id, ZoneId zone) {
        WebElement time = browser.find(id);
        Instant instant = Instant.parse(time.getDomAttribute("datetime"));
        String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC")).format(instant);
        assertEquals(utc, time.getDomAttribute("title"));
        String shown = time.getText();
        String h24 = DateTimeFormatter.ofPattern("H:mm:ss").withZone(zone).format(instant);
        String h12 = DateTimeFormatter.ofPattern("h:mm:ss").withZone(zone).format(instant);
        assertTrue(shown.matches(".*\\b(" + h24 + "|" + h12 + ")\\b.*"), shown + " is not " + h24 + " in " + zone);
    }
}
