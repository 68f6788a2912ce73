package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The results table of a service's page as a reader sees it: the rows shown, and the filter above them. */
final class ResultsTableView {

    private final ChromeDriver driver;

    ResultsTableView(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Clicks a filter (all, day, night, errors): the server lists that kind. */
    void clickFilter(String kind) {
        driver.findElement(filterLink(kind)).click();
    }

    /** Checks the filter is marked as the current one. */
    void assertFilter(String kind) {
        assertEquals("true", driver.findElement(filterLink(kind)).getDomAttribute("aria-current"));
    }

    private static By filterLink(String kind) {
        return By.cssSelector(".filters a[data-filter='" + kind + "']");
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#results tbody tr"));
    }

    List<WebElement> visibleRows() {
        return rows().stream().filter(WebElement::isDisplayed).toList();
    }

    /** The answer of each row shown: day, night or error. */
    List<String> visibleResults() {
        return visibleRows().stream().map(row -> row.getDomAttribute("data-result")).toList();
    }

    List<String> imageNames() {
        return visibleRows().stream().map(row -> row.findElement(By.cssSelector("td.image")).getText()).toList();
    }
}
