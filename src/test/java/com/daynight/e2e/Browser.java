package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (never a downloaded browser), with a fresh
 * profile, downloads into a folder of the test's, and full-page screenshots at desktop and phone widths.
 * Public for the web package's tests of the page scripts against a stand-in server.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 390;

    public final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the test (an assumption, not a failure) on a machine without them. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(isInstalled(), "no browser on this machine: " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver) are needed");
    }

    public static Browser start(Path downloads) throws IOException {
        Path profile = Files.createTempDirectory("daynight-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + DESKTOP_WIDTH + ",900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        Path driverLog = Path.of("target", "e2e-logs", "chromedriver-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(driverLog.getParent());
        Files.createDirectories(SCREENSHOTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        return new Browser(new ChromeDriver(service, options), profile, downloads);
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public String text(String id) {
        return find(id).getText();
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs {@code action} (a click, an Enter) and waits until the browser has left the page it was on. */
    void leavePageBy(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /** Keyboard only: Tab until the field has the focus; each stop on the way must show where the focus is. */
    void tabTo(String id) {
        for (int i = 0; i < 12; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getDomAttribute("id"))) {
                return;
            }
            active.sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            assertNotEquals("none", focused.getCssValue("outline-style"),
                    "a visible focus on " + focused.getTagName() + " " + focused.getText());
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    Path awaitDownload(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload"))) {
                return file;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download " + name + " in " + downloads);
    }

    /** The page's clock in another time zone, as a reader elsewhere in the world has it. */
    void timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    String clipboard() {
        return (String) driver.executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
    }

    /** The page as it is now, at a desktop and at a phone width: {@code name-desktop.png}, {@code name-phone.png}. */
    void screenshots(String name) throws IOException {
        capture(name + "-desktop.png", DESKTOP_WIDTH, false);
        capture(name + "-phone.png", PHONE_WIDTH, true);
    }

    /** Runs {@code look} with the page laid out as on a phone, then goes back to the desktop's width. */
    void atPhoneWidth(Runnable look) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 900,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            look.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * The whole page, not only the window: the viewport is set to the width, then the clip covers the
     * page's full height, laid out as a device of that width lays it out.
     */
    private void capture(String file, int width, boolean mobile) throws IOException {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", mobile));
        try {
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, window.innerHeight);");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1, "width", width,
                    "height", height.doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
