package org.cetdialogue.tracker.benchmark.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged tracker (the README's jar, {@code postgres} profile) in a JVM of its own, on a fixed port for the
 * whole soak so clients reach it again after a restart. {@link #kill()} is SIGKILL; {@link #start()} launches it
 * again on the same port and data directory.
 */
final class TrackerInstance implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path directory;
    private final int port;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private volatile Process process;

    TrackerInstance(String name, Path jar, Path directory, List<String> arguments, Map<String, String> environment)
            throws IOException {
        this.name = name;
        this.jar = jar;
        this.directory = directory;
        this.arguments = arguments;
        this.environment = environment;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.createDirectories(directory);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return directory.resolve(name + ".log");
    }

    /** Launches the JVM (not waiting for it to be ready). */
    synchronized void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the README's heap cap
                "-Xmx256m",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("TRACKER_DATA_DIR", directory.toAbsolutePath().toString());
        builder.environment()
                .put(
                        "TRACKER_CONFIG_FILE",
                        directory.resolve("no-such-config.yml").toString());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Files.writeString(
                log(),
                "\n==== soak: starting " + name + " at " + java.time.Instant.now() + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    /** Waits (bounded) until the readiness probe answers 200; false if the process died or the time ran out. */
    boolean awaitReady(HttpClient http, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3))
                .build();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                return false;
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250); // polling a process start-up, bounded by the deadline
        }
        return false;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** SIGKILL, then a new JVM at once (one step, so that the supervisor never sees the gap). */
    synchronized void killAndRestart() throws Exception {
        kill();
        start();
    }

    /**
     * What a process supervisor (systemd's {@code Restart=}, Compose's {@code restart:}) does: if the JVM exited,
     * start it again. Answers the exit status, or null if it was running.
     */
    synchronized Integer restartIfExited() throws IOException {
        Process p = process;
        if (p == null || p.isAlive()) {
            return null;
        }
        int status = p.exitValue();
        start();
        return status;
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    synchronized void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
