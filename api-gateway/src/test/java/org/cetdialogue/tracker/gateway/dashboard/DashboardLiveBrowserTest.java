package org.cetdialogue.tracker.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.gateway.stream.StreamLimiter;
import org.cetdialogue.tracker.support.HeadlessChromium;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's one stream under the default per-user cap, in headless Chromium: twelve pages of one user (three
 * browsers of four windows each; a browser opens at most six connections to one host) all show a new event within 5
 * s; and a page open while the tracker is stopped and started again on the same port and data recovers by itself,
 * with nothing missed and nothing twice, and without a reload.
 */
class DashboardLiveBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COMMITMENT = "digital-global-cbpr-forum-expansion";

    @TempDir
    static Path dataDirectory;

    static int port;
    static RunningTracker tracker;
    static TrackerClient client;
    static final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        port = freePort();
        tracker = RunningTracker.start(dataDirectory, "server.port=" + port);
        client = tracker.client();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.get(VIEWER, "/api/commitments")
                                .json()
                                .get("commitments")
                                .size()
                        >= 16);
    }

    @AfterAll
    static void stop() {
        browsers.forEach(WebDriver::quit);
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void twelvePagesOfOneUserAllShowANewEventWithinFiveSeconds() throws IOException {
        List<WebDriver> three = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            WebDriver browser = browser();
            three.add(browser);
            signIn(browser);
            for (int w = 1; w < 4; w++) {
                browser.switchTo().newWindow(WindowType.WINDOW);
                browser.get(client.baseUrl() + "/");
                awaitLive(browser);
            }
        }
        // one stream per page, all within the default cap
        await().atMost(WAIT).until(() -> tracker.bean(StreamLimiter.class).openStreams("viewer") == 12);

        // each page notes the moment the event appears on it (the browsers and the test share the machine's clock), so
        // that visiting the windows one after the other costs nothing against the bound
        String description = "Seen by twelve pages";
        for (WebDriver browser : three) {
            for (String window : browser.getWindowHandles()) {
                browser.switchTo().window(window);
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const list = document.getElementById('activity');"
                                        + " new MutationObserver((changes, observer) => {"
                                        + "   if (list.textContent.includes(arguments[0])) {"
                                        + "     window.__seenAt = Date.now(); observer.disconnect(); } })"
                                        + " .observe(list, {childList: true, subtree: true, characterData: true});",
                                description);
            }
        }
        long sent = System.currentTimeMillis();
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"" + description + "\", \"achievedOn\": \"2024-03-03\"}");
        List<Long> delays = new ArrayList<>();
        for (WebDriver browser : three) {
            for (String window : browser.getWindowHandles()) {
                browser.switchTo().window(window);
                Object seenAt = new WebDriverWait(browser, WAIT)
                        .until(driver -> ((JavascriptExecutor) driver).executeScript("return window.__seenAt"));
                delays.add(((Number) seenAt).longValue() - sent);
            }
        }
        System.out.printf("twelve pages: the event appeared %s ms after the write was sent%n", delays);
        assertThat(delays).hasSize(12).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(5000));

        // closing the pages gives their streams back
        for (WebDriver browser : three) {
            browser.quit();
            browsers.remove(browser);
        }
        await().atMost(WAIT).until(() -> tracker.bean(StreamLimiter.class).openStreams("viewer") == 0);
    }

    @Test
    void aPageOpenWhileTheTrackerRestartsRecoversWithoutAReloadAndMissesNothing() {
        WebDriver browser = browser();
        signIn(browser);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__notReloaded = true");
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"Before the restart\", \"achievedOn\": \"2024-03-04\"}");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity"), "Before the restart"));

        tracker.close();
        new WebDriverWait(browser, WAIT)
                .until(driver -> !text(driver, "#connection").equals("Live"));
        tracker = RunningTracker.start(dataDirectory, "server.port=" + port);
        client = tracker.client();
        // recorded at once, while the page is still waiting to reconnect
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"While the page was away\", \"achievedOn\": \"2024-03-05\"}");

        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("activity"), "While the page was away"));
        new WebDriverWait(browser, WAIT)
                .until(driver -> text(driver, "#connection").equals("Live"));
        post(
                "/api/commitments/" + COMMITMENT + "/milestones",
                "{\"description\": \"After the page came back\", \"achievedOn\": \"2024-03-06\"}");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("activity"), "After the page came back"));

        assertThat(js.executeScript("return window.__notReloaded === true")).isEqualTo(true);
        // every entry once: the positions on the page are distinct, and the page holds every entry the feed holds
        // after the first one it showed
        @SuppressWarnings("unchecked")
        List<Long> shown = (List<Long>)
                js.executeScript(
                        "return [...document.querySelectorAll('#activity li[data-position]')].map(n => Number(n.dataset.position))");
        assertThat(shown).doesNotHaveDuplicates();
        long oldestShown = shown.stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Long> stored = tracker.jdbc()
                .queryForList(
                        "SELECT global_position FROM activity_entry WHERE global_position >= ?"
                                + " ORDER BY global_position DESC",
                        Long.class,
                        oldestShown);
        assertThat(shown).containsExactlyElementsOf(stored);
    }

    @Test
    void aPageRefusedWith429SaysSoAndConnectsByItselfOnceASlotIsFree() {
        // the auditor already holds every stream the default cap allows
        List<SseStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                SseStream stream =
                        SseStream.open(client.baseUrl(), "/api/stream/areas", SseStream.basic(TrackerClient.AUDITOR));
                assertThat(stream.status()).isEqualTo(200);
                held.add(stream);
            }
            WebDriver browser = browser();
            submitSignIn(browser, "auditor", "auditor-demo");
            // refused: the page says so in plain words and keeps trying
            new WebDriverWait(browser, WAIT)
                    .until(driver -> text(driver, "#connection").startsWith("Connection lost; trying again in"));
            ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true");

            held.remove(0).close();
            awaitLive(browser);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.__notReloaded === true"))
                    .isEqualTo(true);
        } finally {
            held.forEach(SseStream::close);
        }
    }

    private static WebDriver browser() {
        try {
            WebDriver browser = HeadlessChromium.start(Files.createTempDirectory(dataDirectory, "browser-"));
            browsers.add(browser);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signIn(WebDriver browser) {
        submitSignIn(browser, "viewer", "viewer-demo");
        awaitLive(browser);
    }

    private static void submitSignIn(WebDriver browser, String user, String password) {
        browser.get(client.baseUrl() + "/");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-button")).click();
    }

    private static void awaitLive(WebDriver browser) {
        new WebDriverWait(browser, WAIT)
                .until(driver -> driver.findElements(By.cssSelector("#areas article[data-area]"))
                                        .size()
                                == 7
                        && !driver.findElements(By.cssSelector("#activity li[data-position]"))
                                .isEmpty()
                        && "Live".equals(text(driver, "#connection")));
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void post(String path, String json) {
        Response response = client.post(US_SECRETARIAT, path, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
