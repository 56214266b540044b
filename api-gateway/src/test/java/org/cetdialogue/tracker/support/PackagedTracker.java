package org.cetdialogue.tracker.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged tracker ({@code target/cet-commitment-tracker.jar}, built by {@code package}) in a JVM of its own, on
 * the database {@link TestDatabase} picks for a data directory: for tests that need separate processes (two
 * instances on one database, SIGKILL). Runs in the {@code integration-test} phase (failsafe, {@code *IT}).
 */
public final class PackagedTracker implements AutoCloseable {

    private static final Path JAR = Path.of("target", "cet-commitment-tracker.jar");

    private final Process process;
    private final TrackerClient client;
    private final Path log;

    private PackagedTracker(Process process, int port, Path log) {
        this.process = process;
        this.client = new TrackerClient("http://localhost:" + port);
        this.log = log;
    }

    /** Starts an instance named {@code name} (its log is {@code <dataDirectory>/<name>.log}); does not wait. */
    public static PackagedTracker launch(Path dataDirectory, String name, String... properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        command.addAll(TestDatabase.arguments(dataDirectory));
        for (String property : properties) {
            command.add("--" + property);
        }
        Path log = dataDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment()
                .put("TRACKER_DATA_DIR", dataDirectory.toAbsolutePath().toString());
        builder.environment()
                .put(
                        "TRACKER_CONFIG_FILE",
                        dataDirectory.resolve("no-such-config.yml").toString());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return new PackagedTracker(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an instance and waits until it is ready. */
    public static PackagedTracker start(Path dataDirectory, String name, String... properties) {
        return launch(dataDirectory, name, properties).awaitReady();
    }

    /** Waits (bounded) until the readiness probe answers 200; fails with the log's tail if the process died. */
    public PackagedTracker awaitReady() {
        await().atMost(Duration.ofSeconds(360))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "the tracker exited with " + process.exitValue() + ":\n" + logTail());
                    }
                    try {
                        return client.get(null, "/actuator/health/readiness").status() == 200;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
        return this;
    }

    public TrackerClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a graceful shutdown. */
    public void stop() {
        process.destroy();
        if (!waitFor()) {
            kill();
        }
    }

    /**
     * SIGTERM, then waits up to {@code bound} for the process to exit; answers how long it took (the bound, or more,
     * when it did not exit in time: it is then killed).
     */
    public Duration terminate(Duration bound) {
        long start = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        kill();
        return took.plusMillis(1);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean waitFor() {
        try {
            return process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
