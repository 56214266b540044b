package org.cetdialogue.tracker.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_CAP;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_HEARTBEAT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.cetdialogue.tracker.support.HeadlessChromium;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser ({@link HeadlessChromium}), signed in with a password as the standalone mode's
 * demo viewer. The sign-in through an identity provider is {@code DashboardSignInBrowserTest}.
 */
@SharedTracker({STREAM_HEARTBEAT, STREAM_CAP})
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path browserProfile;

    static RunningTracker tracker;
    static TrackerClient client;
    static WebDriver browser;

    @BeforeAll
    static void start(RunningTracker shared) {
        HeadlessChromium.requireInstalled();

        // started even where the browser is missing: the subscription-leak test runs on the same one
        tracker = shared;
        client = tracker.client();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/commitments")
                                .json()
                                .get("commitments")
                                .size()
                        >= 16);

        browser = HeadlessChromium.start(browserProfile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerSeesTheAreasAndFundingLiveAndCanSwitchToKorean() throws IOException {
        browser.get(client.baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        // signs in like any other client, as the documented viewer
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("viewer-demo");
        browser.findElement(By.id("sign-in-button")).click();

        // the seven areas with their seeded commitments, and the funding chart
        wait.until(driver ->
                driver.findElements(By.cssSelector("#areas article[data-area]")).size() == 7);
        assertThat(text("#area-SEMICONDUCTORS")).isEqualTo("Semiconductor supply chains and technology");
        assertThat(browser.findElements(By.cssSelector("#areas button[data-commitment]")))
                .hasSizeGreaterThanOrEqualTo(16);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-USD")));
        assertThat(script("return typeof Chart !== 'undefined' && Chart.getChart('chart-USD') !== undefined"))
                .isEqualTo(true);
        wait.until(driver -> !driver.findElements(By.cssSelector("#activity li[data-position]"))
                .isEmpty());
        assertThat(text("#areas-freshness")).startsWith("Up to date");

        // a marker that a reload would wipe out
        script("window.__notReloaded = true");

        // a pledge recorded through the API changes the chart and the table on the open page
        BigDecimal before = amount("BIOTECHNOLOGY", "USD", "PLEDGED");
        Response pledge = client.post(
                US_SECRETARIAT,
                "/api/commitments/bio-arpah-mohw-khidi-cooperation/funding/pledges",
                "{\"funder\": \"ARPA-H\", \"amount\": \"4000000.00\", \"currency\": \"USD\","
                        + " \"valueDate\": \"2024-05-01\"}");
        assertThat(pledge.status()).as(pledge.toString()).isEqualTo(200);
        BigDecimal expected = before.add(new BigDecimal("4000000"));
        wait.until(driver -> amount("BIOTECHNOLOGY", "USD", "PLEDGED").compareTo(expected) == 0);
        Object charted = script("const chart = Chart.getChart('chart-USD');"
                + " const i = chart.data.labels.indexOf('Biotechnology and biomanufacturing');"
                + " return chart.data.datasets[0].data[i];");
        assertThat(new BigDecimal(charted.toString())).isEqualByComparingTo(expected);

        // a milestone recorded through the API shows in the activity feed
        Response milestone = client.post(
                US_SECRETARIAT,
                "/api/commitments/quantum-qedc-kqia-multilateral-cooperation/milestones",
                "{\"description\": \"Quantum workforce exchange held\", \"achievedOn\": \"2024-06-03\"}");
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("activity"), "Quantum workforce exchange held"));
        assertThat(script("return window.__notReloaded === true")).isEqualTo(true);
        script("window.scrollTo(0, 0)");
        screenshot("dashboard.png");

        // the drill-down: timeline with effective dates and the parties, by keyboard
        WebElement open = browser.findElement(
                By.cssSelector("#areas button[data-commitment='quantum-qedc-kqia-multilateral-cooperation']"));
        open.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("detail-timeline"), "Quantum workforce exchange held"));
        assertThat(text("#detail-timeline")).contains("Jun 3, 2024");
        assertThat(browser.findElements(By.cssSelector("#detail-parties tbody tr")))
                .isNotEmpty();

        screenshot("dashboard-detail.png");

        // Korean titles and labels (the drill-down is modal: closed first, opened again after)
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        wait.until(driver -> !driver.findElement(By.id("detail")).isDisplayed());
        browser.findElement(By.id("lang-ko")).click();
        browser.findElement(
                        By.cssSelector("#areas button[data-commitment='quantum-qedc-kqia-multilateral-cooperation']"))
                .click();
        wait.until(driver -> "반도체 공급망 및 기술".equals(text("#area-SEMICONDUCTORS")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
        String koreanTitle = client.get(VIEWER, "/api/commitments/quantum-qedc-kqia-multilateral-cooperation")
                .json()
                .get("titleKo")
                .asText();
        wait.until(driver -> koreanTitle.equals(text("#detail-title")));
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        List<String> titles = browser.findElements(By.cssSelector("#areas button[data-commitment]")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles).contains(koreanTitle);
        assertThat(text("#areas-title")).isEqualTo("분야");
        assertThat(text("#areas-freshness")).startsWith("최신 상태");
        script("window.scrollTo(0, 0)");
        screenshot("dashboard-ko.png");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    /** The amount in the funding table, read in one step (the table is redrawn whenever the totals change). */
    private BigDecimal amount(String area, String currency, String stage) {
        Object amount = script("const cell = document.querySelector(\"#funding-table tr[data-area='" + area
                + "'][data-currency='" + currency + "'] td[data-stage='" + stage + "']\");"
                + " return cell ? cell.dataset.amount : '0';");
        return new BigDecimal(amount.toString());
    }

    private void screenshot(String name) throws IOException {
        Path directory = Paths.get("target", "screenshots");
        Files.createDirectories(directory);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
