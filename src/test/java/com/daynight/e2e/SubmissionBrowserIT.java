package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 15 in a real browser against the runnable jar: the form's POST lands on the confirmation's own
 * address (Post/Redirect/Get), which reloads and goes back and forward without a second service; the same form
 * sent twice at once starts one service; an empty bucket says so; a lower-case ServiceID finds its page; the
 * confirmation and the filter tabs fit a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningJar service;
    private ServiceClient client;
    private Browser browser;
    private String base;

    @BeforeAll
    void startServiceAndBrowser(@TempDir Path work) throws Exception {
        Browser.assumeInstalled();
        Path buckets = work.resolve("buckets");
        assertEquals(4, AmosBucket.create(buckets, "holiday", 2));
        Files.createDirectories(buckets.resolve("empty"));
        Files.createDirectories(buckets.resolve("documents"));
        Files.writeString(buckets.resolve("documents").resolve("notes.txt"), "not a picture");
        service = RunningJar.start("submission-browser", Map.of("BUCKETS_DIR", buckets.toString(),
                "DATA_DIR", work.resolve("data").toString(), "WORKERS", "1"));
        client = new ServiceClient(service);
        base = service.baseUrl();
        browser = Browser.start(Files.createDirectories(work.resolve("downloads")));
    }

    @AfterAll
    void stopBrowserAndService() throws Exception {
        try (RunningJar stopping = service) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void theFormLandsOnAConfirmationThatReloadsWithoutSubmittingAgain() throws Exception {
        String user = "Reload Ruth";
        browser.driver.get(base + "/");
        browser.find("userName").sendKeys(user);
        browser.leavePageBy(() -> browser.find("bucket").sendKeys("  gs://holiday/ ", Keys.ENTER));
        String id = browser.text("service-id").strip();
        assertTrue(id.matches("[A-Z0-9]{8}"), id);
        String confirmation = base + "/services/" + id + "/submitted";
        assertEquals(confirmation, browser.driver.getCurrentUrl(), "the confirmation has its own address");
        assertEquals("holiday", browser.text("accepted-bucket"), "the bucket as it was understood");
        browser.screenshots("11-confirmation");
        assertFitsThePhone("the curl line", By.cssSelector("pre.command"));

        browser.leavePageBy(() -> browser.driver.navigate().refresh());
        assertEquals(confirmation, browser.driver.getCurrentUrl());
        assertEquals(id, browser.text("service-id").strip());
        browser.driver.navigate().back();
        awaitUrl(base + "/");
        browser.driver.navigate().forward();
        awaitUrl(confirmation);
        assertEquals(id, browser.text("service-id").strip());
        assertEquals(List.of(id), servicesOf(user), "one service after a reload, back and forward");
    }

    @Test
    void theSameFormSentTwiceAtOnceStartsOneService() throws Exception {
        String user = "Double Click Dora";
        browser.driver.get(base + "/");
        browser.find("userName").sendKeys(user);
        browser.find("bucket").sendKeys("holiday");
        // Two POSTs of the one form, as a double click or a resent request makes them; fetch follows the 303s.
        @SuppressWarnings("unchecked")
        List<String> landed = (List<String>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form[method=post]');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                    headers: {'Accept': 'text/html'}}).then(r => r.url);
                Promise.all([send(), send()]).then(done, e => done(['ERROR ' + e]));
                """);
        assertEquals(2, landed.size());
        assertEquals(landed.get(0), landed.get(1), "both land on one confirmation");
        assertTrue(landed.get(0).matches(".*/services/[A-Z0-9]{8}/submitted"), landed.get(0));
        assertEquals(1, servicesOf(user).size());
        browser.driver.get(base + "/");
        browser.find("userName").sendKeys(user);
        browser.leavePageBy(() -> browser.find("bucket").sendKeys("holiday", Keys.ENTER));
        assertEquals(2, servicesOf(user).size(), "a new rendering of the form is a new submission");
    }

    @Test
    void anEmptyBucketAndOneWithoutJpegsSaySo() throws Exception {
        for (String bucket : List.of("empty", "documents")) {
            String id = client.submitForm("userName=Ed&bucket=" + bucket);
            JsonNode doc = client.awaitDone(id, Duration.ofMinutes(1)).get("serviceResults");
            assertEquals("finished", doc.get("Status").asText());
            assertTrue(doc.get("Notice").asText().startsWith("The bucket holds no JPEG picture"), doc.toString());
            browser.driver.get(base + "/services/" + id);
            assertTrue(browser.find("service-notice").isDisplayed(), bucket);
            assertTrue(browser.text("service-notice").contains("The bucket holds no JPEG picture"));
            if (bucket.equals("empty")) {
                browser.screenshots("12-service-no-jpegs");
            }
        }
    }

    @Test
    void aLowerCaseServiceIdOpensTheCanonicalPageAndTheTabsFitAPhone() throws Exception {
        String id = client.submitForm("userName=Lou&bucket=holiday");
        client.awaitDone(id, Duration.ofMinutes(1));
        browser.driver.get(base + "/services/" + id.toLowerCase());
        assertEquals(base + "/services/" + id, browser.driver.getCurrentUrl());
        assertEquals(id, browser.text("service-id"));
        phone(true);
        try {
            List<WebElement> tabs = browser.driver.findElements(By.cssSelector(".filters a"));
            assertEquals(4, tabs.size());
            int top = tabs.get(0).getRect().getY();
            for (WebElement tab : tabs) {
                assertEquals(top, tab.getRect().getY(), "the filter tabs stay on one row: " + tab.getText());
            }
        } finally {
            phone(false);
        }
        browser.screenshots("13-service-phone-tabs");
    }

    /** At a phone's width, the element is not wider than the screen, and shows its whole content (wrapped). */
    private void assertFitsThePhone(String what, By selector) {
        phone(true);
        try {
            WebElement element = browser.driver.findElement(selector);
            Number right = (Number) browser.script("return arguments[0].getBoundingClientRect().right;", element);
            Number overflow = (Number) browser.script("return arguments[0].scrollWidth - arguments[0].clientWidth;",
                    element);
            assertTrue(right.doubleValue() <= Browser.PHONE_WIDTH, what + " ends at " + right + " px");
            assertEquals(0, overflow.intValue(), what + " is cut or scrolls: it should wrap");
            Number pageOverflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertFalse(pageOverflow.intValue() > 0, "the page scrolls sideways by " + pageOverflow + " px");
        } finally {
            phone(false);
        }
    }

    private void phone(boolean on) {
        if (on) {
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
                    Browser.PHONE_WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        } else {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void awaitUrl(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!url.equals(browser.driver.getCurrentUrl()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(url, browser.driver.getCurrentUrl());
    }

    private List<String> servicesOf(String user) throws Exception {
        String query = "/services?format=json&userName=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        JsonNode list = JSON.readTree(client.get(query, "application/json").body());
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(entry -> entry.get("ServiceId").asText()).toList();
    }
}
