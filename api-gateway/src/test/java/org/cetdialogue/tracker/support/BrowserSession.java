package org.cetdialogue.tracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Signs in as the dashboard page does ({@code POST /login}, a form) and hands out the session cookie. */
public final class BrowserSession {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private BrowserSession() {}

    /** The answer to a sign-in attempt. */
    public static HttpResponse<String> signIn(String baseUrl, Map<String, String> user) {
        Map.Entry<String, String> credentials = user.entrySet().iterator().next();
        String form = "username=" + URLEncoder.encode(credentials.getKey(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(credentials.getValue(), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** Signs in and returns the {@code Cookie} header value that carries the session. */
    public static String cookie(String baseUrl, Map<String, String> user) {
        HttpResponse<String> response = signIn(baseUrl, user);
        if (response.statusCode() != 204) {
            throw new AssertionError("sign-in refused: " + response.statusCode() + " " + response.body());
        }
        String setCookie =
                response.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no session cookie"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
