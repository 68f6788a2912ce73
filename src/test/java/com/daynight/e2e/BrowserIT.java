package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The product as a person meets it: the runnable jar, a headless Chromium that fills in the form, makes a
 * mistake, corrects it, follows the ServiceID to the service's page and watches it refresh itself until the
 * bucket is done. Screenshots go to target/screenshots for a human to look at.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String USER_NAME = "Zoë O'Brien <&>";

    @TempDir
    Path work;

    private RunningJar service;
    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void startServiceAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser on this machine: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver) are needed");
        Path buckets = work.resolve("buckets");
        assertEquals(10, AmosBucket.create(buckets, "holiday", 5));
        service = RunningJar.start("browser", Map.of("BUCKETS_DIR", buckets.toString(),
                "DATA_DIR", work.resolve("data").toString(), "WORKERS", "2"));

        profile = Files.createTempDirectory("daynight-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        Path driverLog = Path.of("target", "e2e-logs", "chromedriver-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(driverLog.getParent());
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        driver = new ChromeDriver(driverService, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowserAndService() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            try {
                if (service != null) {
                    service.stop();
                }
            } finally {
                deleteTree(profile);
            }
        }
    }

    @Test
    void aPersonCorrectsABadBucketAndWatchesTheServiceFinish() throws Exception {
        String base = service.baseUrl();
        driver.get(base + "/");
        assertEquals("Classify the images of a bucket", driver.findElement(By.id("submit-heading")).getText());
        screenshot("01-form.png");

        driver.findElement(By.name("userName")).sendKeys(USER_NAME);
        driver.findElement(By.name("bucket")).sendKeys("Bad_Bucket");
        submit(By.id("bucket"));
        WebElement error = driver.findElement(By.id("bucket-error"));
        assertTrue(error.getText().startsWith("bucket is not a valid Google Cloud Storage bucket name"),
                error.getText());
        assertEquals("true", driver.findElement(By.id("bucket")).getAttribute("aria-invalid"));
        assertTrue(driver.findElements(By.id("userName-error")).isEmpty(), "only the bucket is wrong");
        assertEquals(USER_NAME, driver.findElement(By.name("userName")).getDomProperty("value"),
                "the typed user name is kept, unescaped");
        assertEquals("Bad_Bucket", driver.findElement(By.name("bucket")).getDomProperty("value"));
        screenshot("02-invalid.png");

        WebElement bucket = driver.findElement(By.name("bucket"));
        bucket.clear();
        bucket.sendKeys("holiday");
        submit(By.id("bucket"));
        String serviceId = driver.findElement(By.id("service-id")).getText().strip();
        assertTrue(serviceId.matches("[A-Z0-9]{8}"), "ServiceID: " + serviceId);
        assertEquals("Your service is queued", driver.findElement(By.id("accepted-heading")).getText());
        screenshot("03-confirmation.png");

        driver.findElement(By.id("follow-service")).click();
        String serviceUrl = base + "/services/" + serviceId;
        assertEquals(serviceUrl, driver.getCurrentUrl());
        awaitFinished(serviceId);
        assertEquals(serviceId, driver.findElement(By.id("service-id")).getText());
        assertEquals("10 of 10", progress());
        List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
        assertEquals(10, rows.size());
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String image = cells.get(0).getText();
            String result = cells.get(1).getText();
            assertTrue(image.matches("(day|night)/.+\\.jpg"), image);
            assertTrue(result.equals("day") || result.equals("night"), result);
        }
        assertTrue(driver.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(),
                "a finished service's page stays still");
        assertEquals(USER_NAME, driver.findElement(By.xpath("//dt[.='User']/following-sibling::dd[1]")).getText());
        screenshot("04-service-finished.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        assertEquals("finished", driver.findElement(By.id("status")).getText());
        screenshot("05-service-finished-phone.png");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.get(base + "/");
        driver.findElement(By.id("serviceId")).sendKeys(serviceId);
        submit(By.id("serviceId"));
        assertEquals(serviceUrl, driver.getCurrentUrl());
        assertEquals(serviceId, driver.findElement(By.id("service-id")).getText());
        assertEquals("finished", driver.findElement(By.id("status")).getText());
    }

    /** Submits the form of the given field and waits until the browser has left the page. */
    private void submit(By field) {
        WebElement old = driver.findElement(By.tagName("html"));
        WebElement input = driver.findElement(field);
        input.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /** The page refreshes itself every 2 s while the service is queued or started. */
    private void awaitFinished(String serviceId) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        String status = d.findElement(By.id("status")).getText();
                        if (status.equals("failed")) {
                            throw new AssertionError("service " + serviceId + " failed: " + d.getPageSource());
                        }
                        return status.equals("finished");
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            String log;
            try {
                log = service.log();
            } catch (IOException unreadable) {
                log = unreadable.toString();
            }
            throw new AssertionError("service " + serviceId + " not finished in 60 s; page:\n"
                    + driver.getPageSource() + "\nservice log:\n" + log, e);
        }
    }

    private String progress() {
        return driver.findElement(By.xpath("//dt[.='Images done']/following-sibling::dd[1]")).getText();
    }

    /**
     * The whole page, not only the window. Capturing beyond the viewport lays the page out without a scroll
     * bar, so the clip is as wide as the window itself (innerWidth), not the content measured beside one.
     */
    private void screenshot(String name) throws IOException {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) driver.executeScript("return [window.innerWidth,"
                + " Math.max(document.documentElement.scrollHeight, window.innerHeight)];");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", size.get(0).doubleValue(), "height", size.get(1).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
