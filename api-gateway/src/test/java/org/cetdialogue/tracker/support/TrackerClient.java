package org.cetdialogue.tracker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the running tracker: no exceptions on 4xx/5xx, every answer inspectable. */
public final class TrackerClient {

    public static final Map<String, String> US_SECRETARIAT = Map.of("us-secretariat", "us-secretariat-demo");
    public static final Map<String, String> ROK_SECRETARIAT = Map.of("rok-secretariat", "rok-secretariat-demo");
    public static final Map<String, String> AUDITOR = Map.of("auditor", "auditor-demo");
    public static final Map<String, String> VIEWER = Map.of("viewer", "viewer-demo");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TrackerClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(Map<String, String> user, String path) {
        return send(request(user, path).GET());
    }

    public Response post(Map<String, String> user, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A POST of raw bytes; {@code chunked} sends them without a Content-Length. */
    public Response postBytes(Map<String, String> user, String path, byte[] body, boolean chunked, String... headers) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = request(user, path).POST(publisher);
        boolean contentType = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder);
    }

    /** Any method on a path, with an optional JSON body; used by the route matrix. */
    public Response exchange(Map<String, String> user, String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(user, path)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** Only the status and headers; the body is not read (for event streams, which never end). */
    public Response head(Map<String, String> user, String method, String path) {
        HttpRequest.Builder builder = request(user, path).method(method, HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<java.io.InputStream> response =
                    http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Response(response.statusCode(), response.headers(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(Map<String, String> user, String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            Map.Entry<String, String> credentials = user.entrySet().iterator().next();
            String token = credentials.getKey() + ":" + credentials.getValue();
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public static final class Response {

        private final int status;
        private final java.net.http.HttpHeaders headers;
        private final String body;

        Response(int status, java.net.http.HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** True for an RFC 9457 answer: {@code application/problem+json} with the status repeated in the body. */
        public boolean isProblem() {
            return contentType() != null
                    && contentType().startsWith("application/problem+json")
                    && json().path("status").asInt() == status;
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
