package org.cetdialogue.tracker.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.cetdialogue.tracker.support.HeadlessChromium;
import org.cetdialogue.tracker.support.OidcProvider;
import org.cetdialogue.tracker.support.RunningTracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's sign-in in the {@code jwt} profile, in headless Chromium against a real OpenID Connect provider
 * ({@code oidc-provider}): the authorization code flow with PKCE through the provider's own sign-in and consent pages,
 * the areas seen as the person the provider signed in, and signing out at the provider too (RP-initiated logout).
 */
class DashboardSignInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDirectory;

    @TempDir
    static Path browserProfile;

    static OidcProvider provider;
    static RunningTracker tracker;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        provider = OidcProvider.prepare();
        tracker = RunningTracker.start(
                dataDirectory,
                "spring.profiles.active=jwt",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + provider.issuer(),
                "tracker.security.jwt.audience=" + OidcProvider.AUDIENCE,
                "tracker.security.oidc.client-id=" + OidcProvider.DASHBOARD_CLIENT,
                "tracker.security.oidc.client-secret=" + OidcProvider.DASHBOARD_SECRET,
                "tracker.security.oidc.scopes=openid,tracker");
        // the provider learns the tracker's address for its redirects once the tracker has a port
        provider.trackerAt(tracker.client().baseUrl()).start();
        browser = HeadlessChromium.start(browserProfile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void signsInAtTheProviderSeesTheAreasAndSignsOutThere() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(tracker.client().baseUrl() + "/");

        // no password form here: the page sends the browser to the provider
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-button")));
        assertThat(browser.findElement(By.id("password-fields")).isDisplayed()).isFalse();
        browser.findElement(By.id("sign-in-button")).click();

        signInAtTheProvider(wait, "kim.viewer");

        // back on the dashboard as the person the provider signed in, with their role
        wait.until(driver ->
                driver.findElements(By.cssSelector("#areas article[data-area]")).size() == 7);
        assertThat(browser.getCurrentUrl()).startsWith(tracker.client().baseUrl());
        assertThat(browser.findElement(By.id("whoami")).getText())
                .contains("kim.viewer")
                .contains("VIEWER");
        assertThat(sessionStatus()).isEqualTo(200L);

        // signing out ends the session here and at the provider, which returns the browser to the page
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name=logout]")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-button")));
        assertThat(browser.getCurrentUrl()).startsWith(tracker.client().baseUrl());
        assertThat(sessionStatus()).isEqualTo(401L);

        // someone the provider knows but who has no role or side in the tracker is not signed in, and is told why
        browser.findElement(By.id("sign-in-button")).click();
        signInAtTheProvider(wait, "lee.nobody");
        wait.until(
                driver -> !driver.findElement(By.id("sign-in-error")).getText().isEmpty());
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("no role or side");
        assertThat(sessionStatus()).isEqualTo(401L);
    }

    private void signInAtTheProvider(WebDriverWait wait, String login) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("login")))
                .sendKeys(login);
        browser.findElement(By.name("password")).sendKeys("any password: the test provider accepts all");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the provider asks for consent to the tracker's scopes
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[autofocus]")))
                .click();
    }

    private Object sessionStatus() {
        return ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " fetch('/api/session').then(r => done(r.status));");
    }
}
