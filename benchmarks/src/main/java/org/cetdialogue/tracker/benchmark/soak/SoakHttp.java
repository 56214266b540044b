package org.cetdialogue.tracker.benchmark.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The soak's HTTP client (the JDK's, HTTP/1.1 keep-alive). A request that gets no answer is not an exception but a
 * pseudo-status: {@value #NO_CONNECTION} (refused or reset, as while an instance is down) or {@value #TIMED_OUT}.
 */
final class SoakHttp {

    static final int NO_CONNECTION = 599;
    static final int TIMED_OUT = 598;

    static final String WRITER_US = "us-secretariat";
    static final String WRITER_ROK = "rok-secretariat";
    static final String VIEWER = "viewer";
    static final String AUDITOR = "auditor";

    record Response(int status, String body, Map<String, java.util.List<String>> headers, long nanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Retry-After in seconds, if the answer carried one. */
        OptionalLong retryAfterSeconds() {
            var values = headers.getOrDefault("retry-after", java.util.List.of());
            try {
                return values.isEmpty()
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(values.get(0).trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    SoakHttp(Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        this.timeout = timeout;
    }

    HttpClient client() {
        return http;
    }

    static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    Response get(String user, String url) {
        return send(user, "GET", url, null, Map.of());
    }

    Response post(String user, String url, String json, Map<String, String> headers) {
        return send(user, "POST", url, json, headers);
    }

    Response send(String user, String method, String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map(), System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
            return new Response(TIMED_OUT, e.toString(), Map.of(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Response(NO_CONNECTION, e.toString(), Map.of(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(NO_CONNECTION, e.toString(), Map.of(), System.nanoTime() - start);
        }
    }
}
