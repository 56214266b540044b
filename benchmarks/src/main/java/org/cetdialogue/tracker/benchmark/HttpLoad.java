package org.cetdialogue.tracker.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A load generator over java.net.http: open-loop at a fixed rate (latency counted from the moment each request was
 * due, so a stall is not hidden), or closed-loop at saturation with a number of concurrent clients.
 */
final class HttpLoad {

    record Result(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16))
            .build();
    private final String[] auth;

    private HttpLoad(String[] auth) {
        this.auth = auth;
    }

    /**
     * Signs in the way a dashboard does when the tracker offers a session login ({@code POST /login}), which costs
     * one password check; otherwise HTTP Basic on every request, which costs a BCrypt check each time.
     */
    static HttpLoad signedIn(String baseUrl, String user, String password) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("TRACKER_SESSION=") || c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(null);
        if (login.statusCode() < 400 && cookie != null) {
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

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header(auth[0], auth[1]);
    }

    /** Sends {@code rate} requests a second for {@code seconds} (after a 2 s warm-up that is not counted). */
    Result fixedRate(LongFunction<HttpRequest> requests, int rate, double seconds) throws Exception {
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long measuredFrom = begin + 2_000_000_000L;
        long end = measuredFrom + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long n = 0;
        for (long due = begin; due < end; due += interval, n++) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long scheduled = due;
            boolean measured = due >= measuredFrom;
            inFlight.add(http.sendAsync(requests.apply(n), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (measured) {
                            latencies.add(System.nanoTime() - scheduled);
                            if (failure != null || response.statusCode() >= 400) {
                                errors.incrementAndGet();
                            }
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return result(latencies, errors.get(), seconds);
    }

    /** {@code clients} concurrent clients, each sending its next request when the last is answered. */
    Result saturation(LongFunction<HttpRequest> requests, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long measuredFrom = System.nanoTime() + 2_000_000_000L;
        long end = measuredFrom + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                long start;
                while ((start = System.nanoTime()) < end) {
                    int status;
                    try {
                        status = http.send(
                                        requests.apply(counter.getAndIncrement()),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = 599;
                    }
                    if (start >= measuredFrom) {
                        latencies.add(System.nanoTime() - start);
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return result(latencies, errors.get(), seconds);
    }

    private static Result result(ConcurrentLinkedQueue<Long> latencies, long errors, double seconds) {
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(
                nanos.length,
                errors,
                nanos.length / seconds,
                Stats.percentileMillis(nanos, 50),
                Stats.percentileMillis(nanos, 99));
    }
}
