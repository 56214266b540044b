package org.cetdialogue.tracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, from npm ({@code src/test/axe}, installed into {@code target/axe} with {@code npm
 * ci} on first use, like the test identity provider), injected into the page under test. Skipped where Node.js is
 * missing, except in CI, where that fails.
 */
public final class Axe {

    private static final Path SOURCES = Paths.get("src", "test", "axe");
    private static final Path INSTALL = Paths.get("target", "axe");
    private static String script;

    private Axe() {}

    /** The violations axe-core finds in the page as it stands (WCAG 2.x A and AA, and best practices). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary)}))))"
                + ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));");
        return (List<Map<String, Object>>) result;
    }

    private static synchronized String source() {
        if (script == null) {
            install();
            try {
                script = Files.readString(INSTALL.resolve("node_modules/axe-core/axe.min.js"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static void install() {
        boolean present = run(Paths.get("."), "npm", "--version");
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the accessibility checks: install Node.js and npm");
        }
        Assumptions.assumeTrue(present, "Skipping the accessibility checks: npm is not installed");
        try {
            Files.createDirectories(INSTALL);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isRegularFile(INSTALL.resolve("node_modules/axe-core/axe.min.js"))
                    && !run(INSTALL, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")) {
                throw new IllegalStateException("npm ci of axe-core failed in " + INSTALL.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
