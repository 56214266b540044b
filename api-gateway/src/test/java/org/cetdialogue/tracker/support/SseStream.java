package org.cetdialogue.tracker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: opens a stream, parses its events (id, event, data; comments counted as
 * heartbeats) and hands them out one by one with a bound on the wait. Closing it drops the connection, as a browser
 * tab being closed would.
 */
public final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One event of the stream. */
    public record Event(String id, String event, String data) {

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    private final HttpResponse<InputStream> response;
    private final BufferedReader reader;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private volatile Thread pump;
    private volatile boolean closed;
    private volatile boolean serverEnded;

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** HTTP Basic credentials as a header pair. */
    public static String[] basic(Map<String, String> user) {
        Map.Entry<String, String> credentials = user.entrySet().iterator().next();
        String token = credentials.getKey() + ":" + credentials.getValue();
        return new String[] {
            "Authorization", "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
        };
    }

    /** Opens {@code path}; the answer's status is in {@link #status()}, events come only from a 200. */
    public static SseStream open(String baseUrl, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream")
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new SseStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The whole body of a refused stream (a problem detail). */
    public JsonNode problem() {
        try (InputStream body = response.body()) {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the first event in the calling thread (no background reader): for tests opening many streams. */
    public Event firstEvent() {
        try {
            Event event = readEvent();
            if (event == null) {
                throw new AssertionError("the stream ended before its first event");
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event, waiting at most {@code timeout}. */
    public Event next(Duration timeout) {
        return next(event -> true, timeout);
    }

    /** The next event named {@code name}, skipping others, waiting at most {@code timeout} in all. */
    public Event next(String name, Duration timeout) {
        return next(event -> name.equals(event.event()), timeout);
    }

    /** The next event matching {@code wanted}, skipping others, waiting at most {@code timeout} in all. */
    public Event next(Predicate<Event> wanted, Duration timeout) {
        startPump();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no matching event within " + timeout);
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that arrives within {@code window} (a bounded wait that collects, not a sleep before a check). */
    public List<Event> drain(Duration window) {
        startPump();
        List<Event> drained = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return drained;
                }
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event != null) {
                    drained.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int heartbeats() {
        startPump();
        return heartbeats.get();
    }

    /** True once the server has ended the stream (its body reached its end). */
    public boolean ended() {
        startPump();
        return serverEnded;
    }

    private synchronized void startPump() {
        if (pump != null) {
            return;
        }
        pump = new Thread(
                () -> {
                    try {
                        Event event;
                        while (!closed && (event = readEvent()) != null) {
                            events.add(event);
                        }
                        serverEnded = !closed;
                    } catch (IOException e) {
                        // closed by the test or by the server: no more events
                    }
                },
                "sse-" + response.uri().getPath());
        pump.setDaemon(true);
        pump.start();
    }

    /** One event per the SSE format: fields until a blank line; a comment alone counts as a heartbeat. */
    private Event readEvent() throws IOException {
        String id = null;
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null || name != null || id != null) {
                    return new Event(id, name, data == null ? null : data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                heartbeats.incrementAndGet();
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (IOException e) {
            // already gone
        }
    }
}
