package org.cetdialogue.tracker.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged tracker (the README's run command) as a separate process, as a user runs it. */
final class ExternalTracker implements AutoCloseable {

    private final Process process;
    private final int port;
    private final double startupSeconds;

    private ExternalTracker(Process process, int port, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static ExternalTracker start(Path jar, Database database, int port, Path log, List<String> extraArgs)
            throws IOException, InterruptedException {
        List<String> command =
                // exactly the README's run command, heap cap included
                new ArrayList<>(
                        List.of("java", "-Xmx256m", "-jar", jar.toAbsolutePath().toString()));
        command.add("--server.port=" + port);
        command.addAll(database.springArguments());
        command.addAll(extraArgs);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the tracker exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the tracker did not become healthy; see " + log);
            }
            Thread.sleep(20); // polling the start-up of a process we measure
        }
        return new ExternalTracker(process, port, (System.nanoTime() - start) / 1e9);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** Resident set size of the process, from /proc. */
    long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
