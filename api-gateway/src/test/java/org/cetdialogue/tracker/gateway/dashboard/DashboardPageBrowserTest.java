package org.cetdialogue.tracker.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_CAP;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_HEARTBEAT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cetdialogue.tracker.support.Axe;
import org.cetdialogue.tracker.support.HeadlessChromium;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as people use it, in headless Chromium: phones and both languages without sideways scrolling and with
 * no axe-core violation in any view, Korean summaries with no English but recorded names, the modal drill-down that
 * shows a new event within 2 s, the focus ring's contrast measured from the computed styles, focus after sign-in.
 * Screenshots for review in {@code target/screenshots/}.
 */
@SharedTracker({STREAM_HEARTBEAT, STREAM_CAP})
class DashboardPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static final String COMMITMENT = "semi-nstc-korean-center-research-forum";
    /** The innermost elements that reach past the window's right edge, to name the culprit of a sideways scroll. */
    private static final String WIDER_THAN_WINDOW = "const w = document.documentElement.clientWidth;"
            + " return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > w"
            + " && ![...e.children].some(c => c.getBoundingClientRect().right > w))"
            + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className"
            + " + ' right=' + e.getBoundingClientRect().right + ' \"' + (e.textContent || '').slice(0, 60) + '\"')"
            + ".join('; ')";

    @TempDir
    static Path browserProfile;

    static TrackerClient client;
    static WebDriver browser;

    @BeforeAll
    static void start(RunningTracker tracker) {
        HeadlessChromium.requireInstalled();
        client = tracker.client();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/commitments")
                                .json()
                                .get("commitments")
                                .size()
                        >= 16);
        // a pledge with a lower bound and a milestone of this class's own, so the feed holds both kinds
        post(
                "/api/commitments/" + COMMITMENT + "/funding/pledges",
                "{\"funder\": \"NIST\", \"amount\": \"10000000.00\", \"currency\": \"USD\", \"lowerBound\": true,"
                        + " \"valueDate\": \"2024-05-01\"}");
        post(
                "/api/commitments/" + COMMITMENT + "/funding/pledges",
                "{\"funder\": \"MOTIE\", \"amount\": \"1300000000\", \"currency\": \"KRW\","
                        + " \"valueDate\": \"2024-05-02\"}");
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"Packaging curriculum agreed\", \"achievedOn\": \"2024-04-11\"}");
        browser = HeadlessChromium.start(browserProfile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedIn() {
        browser.manage().window().setSize(DESKTOP);
        browser.get(client.baseUrl() + "/");
        script("localStorage.setItem('cet-language', 'en')");
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(driver -> !driver.findElement(By.id("sign-in")).isDisplayed()
                || !driver.findElement(By.id("dashboard")).isDisplayed());
        if (browser.findElement(By.id("sign-in")).isDisplayed()) {
            browser.findElement(By.id("username")).sendKeys("viewer");
            browser.findElement(By.id("password")).sendKeys("viewer-demo");
            browser.findElement(By.id("sign-in-button")).click();
            // focus moves to the content after sign-in, and the live region says so
            wait.until(driver -> "main".equals(script("return document.activeElement.id")));
            wait.until(driver -> text("#announcer").contains("Signed in as viewer"));
        }
        wait.until(driver ->
                driver.findElements(By.cssSelector("#areas article[data-area]")).size() == 7);
        wait.until(driver -> !driver.findElements(By.cssSelector("#activity li[data-position]"))
                .isEmpty());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-USD")));
        // one live region on the page
        assertThat(script("return document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')"
                        + ".length"))
                .isEqualTo(1L);
    }

    /**
     * How far the page scrolls sideways once its layout has settled: the charts follow a new width on a later frame
     * (Chart.js observes its box), so the overflow is read until it is gone, for at most 5 s, and the last reading
     * counts.
     */
    private static int settledSidewaysOverflow() {
        String sideways = "return document.documentElement.scrollWidth - document.documentElement.clientWidth";
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(driver -> ((Number) script(sideways)).intValue() <= 0 ? 0 : null);
        } catch (TimeoutException e) {
            return ((Number) script(sideways)).intValue();
        }
    }

    @Test
    void phonesAndBothLanguagesHaveNoSidewaysScrollAndNoAxeViolationInAnyView() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "ko")) {
            browser.findElement(By.id("lang-" + language)).click();
            for (Dimension size : List.of(DESKTOP, new Dimension(390, 844), new Dimension(320, 700))) {
                browser.manage().window().setSize(size);
                new WebDriverWait(browser, WAIT)
                        .until(driver -> ((Number) script("return window.innerWidth")).intValue() <= size.width);
                int overflow = settledSidewaysOverflow();
                assertThat(overflow)
                        .as(
                                "sideways scroll at %d px in %s; wider than the window: %s",
                                size.width, language, script(WIDER_THAN_WINDOW))
                        .isLessThanOrEqualTo(0);
                if (size.width == 320) {
                    continue; // axe at the desktop and the phone size (390 px)
                }
                String device = size.width == DESKTOP.width ? "desktop" : "phone";
                problems.addAll(axe(language + " " + device + " dashboard"));
                script("window.scrollTo(0, 0)");
                screenshot("dashboard-" + language + "-" + device + ".png");

                openDrillDown();
                Number dialogOverflow = (Number)
                        script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(dialogOverflow.intValue()).isLessThanOrEqualTo(0);
                problems.addAll(axe(language + " " + device + " drill-down"));
                screenshot("dashboard-" + language + "-" + device + "-detail.png");
                browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
                new WebDriverWait(browser, WAIT)
                        .until(driver -> !driver.findElement(By.id("detail")).isDisplayed());
            }
            browser.manage().window().setSize(DESKTOP);
        }
        // the sign-in view, in both languages
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        for (String language : List.of("en", "ko")) {
            browser.findElement(By.id("lang-" + language)).click();
            problems.addAll(axe(language + " sign-in"));
        }
        browser.findElement(By.id("lang-en")).click();
        assertThat(problems).isEmpty();
    }

    @Test
    void inKoreanNoSummaryIsEnglishExceptRecordedNamesMarkedWithTheirLanguage() {
        browser.findElement(By.id("lang-ko")).click();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(driver -> "ko".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        openDrillDown();
        wait.until(driver ->
                !driver.findElements(By.cssSelector("#detail-timeline li")).isEmpty());

        // every summary, with the recorded text marked lang="en" taken out, holds no Latin letter
        @SuppressWarnings("unchecked")
        List<String> english = (List<String>) script("return [...document.querySelectorAll("
                + "'#activity .summary, #detail-timeline .summary')].map(node => {"
                + " const copy = node.cloneNode(true);"
                + " copy.querySelectorAll('[lang=en]').forEach(n => n.remove());"
                + " return copy.textContent; }).filter(text => /[A-Za-z]/.test(text));");
        assertThat(english).isEmpty();
        // the pledges in the feed are worded in Korean, with "at least" kept for the lower bound
        String feed = text("#activity");
        assertThat(feed)
                .contains("최소 10,000,000.00 미국 달러")
                .contains("1,300,000,000 대한민국 원")
                .contains("약정");
        assertThat(feed).contains("2024년 5월 1일");
        // the recorded names are marked English
        assertThat(browser.findElements(By.cssSelector("#activity .summary [lang=en]")))
                .extracting(WebElement::getText)
                .contains("NIST", "Packaging curriculum agreed");
        // the source citation is English, and marked so
        assertThat(browser.findElements(By.cssSelector("#detail-facts [lang=en]")))
                .isNotEmpty();
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.findElement(By.id("lang-en")).click();
        String englishFeed = text("#activity");
        assertThat(englishFeed).contains("NIST pledged at least $10,000,000.00").contains("₩1,300,000,000");
        assertThat(englishFeed).contains("May 1, 2024").containsPattern("UTC|GMT");
    }

    @Test
    void theDrillDownIsAModalBesideItsOpenerKeepsFocusAndShowsANewEventWithinTwoSeconds() {
        WebElement opener = openDrillDown();
        Map<?, ?> where = (Map<?, ?>) script(
                "const d = document.getElementById('detail').getBoundingClientRect();"
                        + " const o = arguments[0].getBoundingClientRect();"
                        + " return {modal: document.getElementById('detail').matches(':modal'),"
                        + " overlaps: d.top <= o.bottom && d.bottom >= o.top, inView: d.top >= 0 && d.bottom <= innerHeight};",
                opener);
        assertThat(where.get("modal")).isEqualTo(true);
        assertThat(where.get("overlaps")).as("opens beside what was clicked").isEqualTo(true);
        assertThat(where.get("inView")).isEqualTo(true);

        // Tab never leaves the dialog
        for (int i = 0; i < 6; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(script("return document.getElementById('detail').contains(document.activeElement)"))
                    .isEqualTo(true);
        }

        // a new event shows in the open drill-down within 2 s of being acknowledged
        new WebDriverWait(browser, WAIT)
                .until(driver -> !driver.findElements(By.cssSelector("#detail-timeline li"))
                        .isEmpty());
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"Second cohort enrolled\", \"achievedOn\": \"2024-09-02\"}");
        long acknowledged = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("detail-timeline"), "Second cohort enrolled"));
        System.out.printf(
                "drill-down: new event shown %d ms after the write was acknowledged%n",
                (System.nanoTime() - acknowledged) / 1_000_000);
        long position =
                Long.parseLong(browser.findElement(By.id("detail-freshness")).getAttribute("data-position"));
        long newest = Long.parseLong(browser.findElement(By.cssSelector("#activity li[data-position]"))
                .getAttribute("data-position"));
        assertThat(position)
                .as("the timeline is at least at the position of the event it shows")
                .isGreaterThanOrEqualTo(newest);

        // Escape closes it and gives focus back to what opened it
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, WAIT)
                .until(driver -> !driver.findElement(By.id("detail")).isDisplayed());
        // (the live update redrew the areas: focus goes to the same title in its new element)
        assertThat(script("const a = document.activeElement;"
                        + " return a.closest('#areas') !== null ? a.dataset.commitment : null"))
                .isEqualTo(COMMITMENT);
    }

    @Test
    void theFocusRingHasAtLeastThreeToOneAgainstWhatIsBehindIt() {
        // keyboard focus on the controls of every background: the blue header, the white panels, the page wash
        List<String> measured = new ArrayList<>();
        script("document.getElementById('lang-en').focus()");
        for (int i = 0; i < 12; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            Map<?, ?> ring = (Map<?, ?>) script(FOCUS_CONTRAST);
            measured.add(ring.get("id") + " " + ring.get("ratio"));
            assertThat(((Number) ring.get("width")).doubleValue())
                    .as(ring.toString())
                    .isGreaterThanOrEqualTo(2);
            assertThat(((Number) ring.get("ratio")).doubleValue())
                    .as(ring.toString())
                    .isGreaterThanOrEqualTo(3);
        }
        System.out.println("focus ring contrast: " + measured);
    }

    /** The focused element's outline colour against the first opaque background behind it, from computed styles. */
    private static final String FOCUS_CONTRAST = "const node = document.activeElement;"
            + " const style = getComputedStyle(node);"
            + " const rgb = c => c.match(/[\\d.]+/g).map(Number);"
            + " const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)"
            + "   .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));"
            + "   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
            + " let behind = node.parentElement; let background = 'rgb(255, 255, 255)';"
            + " while (behind) { const b = getComputedStyle(behind).backgroundColor;"
            + "   if (b && !b.startsWith('rgba(0, 0, 0, 0)') && b !== 'transparent') { background = b; break; }"
            + "   behind = behind.parentElement; }"
            + " const a = lum(style.outlineColor), b = lum(background);"
            + " return {id: node.id || node.dataset.commitment || node.tagName, outline: style.outlineColor,"
            + "   background, width: parseFloat(style.outlineWidth) || 0,"
            + "   ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};";

    private WebElement openDrillDown() {
        WebElement opener = browser.findElement(By.cssSelector("#areas button[data-commitment='" + COMMITMENT + "']"));
        script("arguments[0].scrollIntoView({block: 'center'})", opener);
        opener.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, WAIT)
                .until(driver -> driver.findElement(By.id("detail")).isDisplayed());
        new WebDriverWait(browser, WAIT)
                .until(driver -> !driver.findElements(By.cssSelector("#detail-parties tbody tr"))
                        .isEmpty());
        return opener;
    }

    private List<String> axe(String view) {
        return Axe.violations(browser).stream()
                .map(violation -> view + ": " + violation.get("id") + " (" + violation.get("help") + ") "
                        + violation.get("nodes"))
                .toList();
    }

    private static void post(String path, String json) {
        Response response = client.post(US_SECRETARIAT, path, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    private static void screenshot(String name) throws IOException {
        Path directory = Paths.get("target", "screenshots");
        Files.createDirectories(directory);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
