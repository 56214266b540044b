package org.cetdialogue.tracker.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium, which
 * is given both paths and so downloads nothing. It resolves no host but localhost, so a page cannot reach outside the
 * machine (the test provider's pages name a web font). Skipped with a message where the browser is not installed,
 * except in CI ({@code CI=true}), where its absence fails the build.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Fails in CI, skips elsewhere, where the browser is not installed. */
    public static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver"
                    + " (.ci/run does so with apt-get)");
        }
        Assumptions.assumeTrue(
                installed,
                "Skipping the browser test: /usr/bin/chromium and /usr/bin/chromedriver are not installed"
                        + " (apt-get install chromium chromium-driver)");
    }

    public static WebDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--window-size=1400,2400",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
