package org.cetdialogue.tracker.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A load generator over the JDK's {@link HttpURLConnection} (persistent connections, one per worker thread): open-loop
 * at a fixed rate, where each request is due at its slot in the schedule and its latency is counted from that moment
 * (so a stall is not hidden by requests that were never sent), or closed-loop at saturation with a number of
 * concurrent clients.
 */
final class HttpLoad {

    record Result(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {}

    /** A whole answer: status, {@code Retry-After} in seconds (0 when absent) and body (599: no answer at all). */
    record Answer(int status, long retryAfterSeconds, String body) {}

    /** One request: method, URL and JSON body (null for none). */
    record Call(String method, String url, String json) {

        static Call get(String url) {
            return new Call("GET", url, null);
        }

        static Call post(String url, String json) {
            return new Call("POST", url, json);
        }
    }

    private final String[] auth;

    private HttpLoad(String[] auth) {
        this.auth = auth;
    }

    /**
     * Signs in the way a dashboard does when the tracker offers a session login ({@code POST /login}), which costs
     * one password check; otherwise HTTP Basic on every request.
     */
    static HttpLoad signedIn(String baseUrl, String user, String password) throws IOException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpURLConnection login =
                (HttpURLConnection) URI.create(baseUrl + "/login").toURL().openConnection();
        login.setRequestMethod("POST");
        login.setDoOutput(true);
        login.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = login.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        int status = login.getResponseCode();
        String cookie = login.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
                .filter(c -> c.startsWith("TRACKER_SESSION=") || c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(null);
        login.disconnect();
        if (status < 400 && cookie != null) {
            return new HttpLoad(new String[] {"Cookie", cookie});
        }
        return basic(user, password);
    }

    /** HTTP Basic on every request: the only way to write (a browser session may only read). */
    static HttpLoad basic(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpLoad(new String[] {"Authorization", "Basic " + basic});
    }

    String authMode() {
        return auth[0].equals("Cookie") ? "session cookie" : "HTTP Basic";
    }

    /** Sends one request and reads the whole answer; answers the status. */
    int send(Call call) throws IOException {
        return exchange(call, false).status();
    }

    /** Sends one request and answers status, {@code Retry-After} and body; a failed connection is status 599. */
    Answer exchange(Call call) {
        try {
            return exchange(call, true);
        } catch (IOException e) {
            return new Answer(599, 0, "");
        }
    }

    private Answer exchange(Call call, boolean keepBody) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(call.url()).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod(call.method());
        connection.setRequestProperty(auth[0], auth[1]);
        if (call.json() != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(call.json().getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        String retryAfter = connection.getHeaderField("Retry-After");
        String body = "";
        // read to the end, so the connection goes back to the keep-alive pool
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null && keepBody) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } else if (in != null) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        long seconds = 0;
        if (retryAfter != null) {
            try {
                seconds = Long.parseLong(retryAfter.trim());
            } catch (NumberFormatException notSeconds) {
                seconds = 1;
            }
        }
        return new Answer(status, seconds, body);
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds} (after a 2 s warm-up that is not counted), from a pool
     * of {@code workers} threads that take the next slot of the schedule, wait for it, and send.
     */
    Result fixedRate(LongFunction<Call> calls, int rate, double seconds, int workers) throws Exception {
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long measuredFrom = begin + 2_000_000_000L;
        long end = measuredFrom + (long) (seconds * 1e9);
        AtomicLong slots = new AtomicLong();
        return run(workers, measuredFrom, end, (latencies, errors) -> {
            long slot;
            while ((slot = slots.getAndIncrement()) >= 0) {
                long due = begin + slot * interval;
                if (due >= end) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int status = sendCounting(calls.apply(slot));
                if (due >= measuredFrom) {
                    latencies.add(System.nanoTime() - due);
                    if (status >= 400) {
                        errors.incrementAndGet();
                    }
                }
            }
        });
    }

    /** {@code clients} concurrent clients, each sending its next request when the last is answered. */
    Result saturation(LongFunction<Call> calls, int clients, double seconds) throws Exception {
        long measuredFrom = System.nanoTime() + 2_000_000_000L;
        long end = measuredFrom + (long) (seconds * 1e9);
        AtomicLong counter = new AtomicLong();
        return run(clients, measuredFrom, end, (latencies, errors) -> {
            long start;
            while ((start = System.nanoTime()) < end) {
                int status = sendCounting(calls.apply(counter.getAndIncrement()));
                if (start >= measuredFrom) {
                    latencies.add(System.nanoTime() - start);
                    if (status >= 400) {
                        errors.incrementAndGet();
                    }
                }
            }
        });
    }

    private int sendCounting(Call call) {
        try {
            return send(call);
        } catch (IOException e) {
            return 599;
        }
    }

    /** A body that may throw, run on several threads. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} on {@code threads} threads at once and waits for all; the first failure is thrown. */
    static void onThreads(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    body.run();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Worker {
        void run(ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) throws Exception;
    }

    private static Result run(int threads, long measuredFrom, long end, Worker worker) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        onThreads(threads, () -> worker.run(latencies, errors));
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        double seconds = (end - measuredFrom) / 1e9;
        return new Result(
                nanos.length,
                errors.get(),
                nanos.length / seconds,
                Stats.percentileMillis(nanos, 50),
                Stats.percentileMillis(nanos, 99));
    }
}
