package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's browser session, hardened: HTTP Basic never creates a session, whatever the route; a cross-site
 * {@code POST /login} or {@code /logout} is refused; the cookie is {@code Secure} when the request came over HTTPS
 * through a trusted proxy; and a flood of wrong passwords throttles the flooding address, not the user. The test talks
 * to the tracker from localhost, which is a trusted proxy by default, so {@code X-Forwarded-For} stands for the
 * addresses of different clients. Tiny failed-sign-in limits (3 per user and address, 6 per address, per hour).
 */
class BrowserSessionHardeningHttpTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern SESSIONS_CREATED =
            Pattern.compile("(?m)^tomcat_sessions_created_sessions_total\\{[^}]*} ([0-9.E]+)$");

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;
    static String base;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(
                dataDirectory,
                "tracker.seed.enabled=false",
                "tracker.rate-limit.failed-logins-per-user-and-address.permits=3",
                "tracker.rate-limit.failed-logins-per-user-and-address.period=PT1H",
                "tracker.rate-limit.failed-logins-per-address.permits=6",
                "tracker.rate-limit.failed-logins-per-address.period=PT1H");
        base = tracker.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void httpBasicNeverCreatesASessionOnAnyKindOfRoute() {
        double sessionsBefore = sessionsCreated();
        String proposal = "{\"commitmentId\":\"sessions-basic-probe\",\"area\":\"QUANTUM\",\"kind\":\"FORUM\","
                + "\"titleEn\":\"Probe\",\"titleKo\":\"탐침\",\"parties\":[{\"nameEn\":\"NIST\",\"nameKo\":\"표준\","
                + "\"country\":\"US\",\"role\":\"SIGNATORY\"}],\"sourceCitation\":\"test\",\"announcedOn\":\"2024-01-10\"}";
        List<HttpRequest> requests = new ArrayList<>();
        for (Map<String, String> user : List.of(
                TrackerClient.US_SECRETARIAT, TrackerClient.AUDITOR, TrackerClient.VIEWER, Map.of("viewer", "nope"))) {
            String basic = basic(user);
            for (String path : List.of(
                    "/api/session",
                    "/api/sign-in",
                    "/api/areas",
                    "/api/commitments/no-such-commitment",
                    "/api/funding",
                    "/api/audit/events?after=0&limit=5",
                    "/actuator/prometheus",
                    "/actuator/health",
                    "/",
                    "/v3/api-docs",
                    "/no/such/route",
                    "/error")) {
                requests.add(
                        fromElsewhere(path).header("Authorization", basic).GET().build());
                requests.add(fromElsewhere(path)
                        .header("Authorization", basic)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build());
                requests.add(fromElsewhere(path)
                        .header("Authorization", basic)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build());
            }
            requests.add(fromElsewhere("/api/commitments")
                    .header("Authorization", basic)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(proposal))
                    .build());
            // the sign-in form's own fields beside Basic credentials, and sign-out, are no way around it
            requests.add(fromElsewhere("/login")
                    .header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=viewer&password=viewer-demo"))
                    .build());
            requests.add(fromElsewhere("/logout")
                    .header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
        }
        for (HttpRequest request : requests) {
            HttpResponse<String> response = send(request);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as("%s %s -> %d", request.method(), request.uri(), response.statusCode())
                    .isEmpty();
            assertThat(response.statusCode())
                    .as("%s %s", request.method(), request.uri())
                    .isLessThan(500);
        }
        // the routes a browser uses answer API clients as before, statelessly
        for (String path : List.of("/api/sign-in", "/api/session")) {
            HttpResponse<String> answer = send(request(path)
                    .header("Authorization", basic(TrackerClient.VIEWER))
                    .GET()
                    .build());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
        }
        // a live stream: its answer, and its end once the client goes
        for (String stream : List.of("/api/stream/areas", "/api/stream/activity")) {
            HttpResponse<InputStream> open = sendStreaming(request(stream)
                    .header("Authorization", basic(TrackerClient.VIEWER))
                    .GET()
                    .build());
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.headers().allValues("Set-Cookie")).isEmpty();
            close(open.body());
        }

        assertThat(sessionsCreated()).isEqualTo(sessionsBefore);
        assertThat(BrowserSession.signIn(base, TrackerClient.VIEWER).headers().firstValue("Set-Cookie"))
                .as("the sign-in form still makes a session")
                .hasValueSatisfying(cookie -> assertThat(cookie).startsWith("TRACKER_SESSION="));
    }

    @Test
    void aCrossSiteSignInIsRefusedAndTheSameOriginOneIsNot() {
        for (String[] header : new String[][] {
            {"Origin", "https://attacker.example"},
            {"Origin", "null"},
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"},
            {"Referer", "https://attacker.example/page.html"}
        }) {
            HttpResponse<String> refused = send(
                    signIn(TrackerClient.VIEWER).header(header[0], header[1]).build());
            assertThat(refused.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        // the page's own fetch (the Origin is the tracker's), a browser's same-origin request, a client with neither
        for (String[] header : new String[][] {
            {"Origin", base},
            {"Sec-Fetch-Site", "same-origin"},
            {"Referer", base + "/"},
            {"X-Nothing", "none"}
        }) {
            HttpResponse<String> signedIn = send(
                    signIn(TrackerClient.VIEWER).header(header[0], header[1]).build());
            assertThat(signedIn.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(204);
            assertThat(signedIn.headers().firstValue("Set-Cookie")).isPresent();
        }
    }

    @Test
    void aCrossSiteSignOutIsRefusedAndTheSessionGoesOn() {
        String cookie = BrowserSession.cookie(base, TrackerClient.VIEWER);

        HttpResponse<String> forged = send(request("/logout")
                .header("Cookie", cookie)
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(session(cookie)).isEqualTo(200);

        HttpResponse<String> own = send(request("/logout")
                .header("Cookie", cookie)
                .header("Origin", base)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(own.statusCode()).isEqualTo(204);
        assertThat(session(cookie)).isEqualTo(401);
    }

    @Test
    void theCookieIsSecureWhenTheRequestCameOverHttpsThroughATrustedProxy() {
        HttpResponse<String> plain = send(signIn(TrackerClient.VIEWER).build());
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(attributes(plain)).doesNotContain("secure");

        // the proxy says the browser used HTTPS on https://tracker.example: Secure, and that is the page's origin
        HttpResponse<String> proxied = send(signIn(TrackerClient.VIEWER)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "tracker.example")
                .header("X-Forwarded-For", "198.51.100.40")
                .header("Origin", "https://tracker.example")
                .build());
        assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(204);
        assertThat(attributes(proxied)).contains("secure", "httponly", "samesite=strict");

        HttpResponse<String> otherSite = send(signIn(TrackerClient.VIEWER)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "tracker.example")
                .header("Origin", "http://tracker.example")
                .build());
        assertThat(otherSite.statusCode()).isEqualTo(403);
    }

    @Test
    void aFloodOfWrongPasswordsThrottlesTheFloodingAddressNotTheUser() {
        String flooder = "203.0.113.7";
        String user = "198.51.100.8";
        for (int i = 0; i < 3; i++) {
            assertThat(basicFrom(flooder, Map.of("rok-secretariat", "guess-" + i)))
                    .isEqualTo(401);
        }
        // the flooding address is throttled for that user, right password or not; as HTTP Basic and as the form
        assertThat(basicFrom(flooder, TrackerClient.ROK_SECRETARIAT)).isEqualTo(429);
        assertThat(send(signIn(TrackerClient.ROK_SECRETARIAT)
                                .header("X-Forwarded-For", flooder)
                                .build())
                        .statusCode())
                .isEqualTo(429);
        // the user, from their own address, signs in both ways
        assertThat(basicFrom(user, TrackerClient.ROK_SECRETARIAT)).isEqualTo(200);
        HttpResponse<String> form = send(signIn(TrackerClient.ROK_SECRETARIAT)
                .header("X-Forwarded-For", user)
                .build());
        assertThat(form.statusCode()).isEqualTo(204);
        assertThat(form.headers().firstValue("Set-Cookie")).isPresent();
        // another user from the flooding address is still let in while the address has failures left
        assertThat(basicFrom(flooder, TrackerClient.VIEWER)).isEqualTo(200);
    }

    @Test
    void anAddressThatFailsUnderManyNamesIsThrottledForEveryoneAndOnlyIt() {
        String flooder = "203.0.113.9";
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> failed = send(signIn(Map.of("guessed-user-" + i, "guess"))
                    .header("X-Forwarded-For", flooder)
                    .build());
            assertThat(failed.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = send(
                signIn(TrackerClient.AUDITOR).header("X-Forwarded-For", flooder).build());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        assertThat(basicFrom(flooder, TrackerClient.AUDITOR)).isEqualTo(429);
        assertThat(basicFrom("198.51.100.9", TrackerClient.AUDITOR)).isEqualTo(200);
    }

    private static int basicFrom(String address, Map<String, String> user) {
        return send(request("/api/session")
                        .header("Authorization", basic(user))
                        .header("X-Forwarded-For", address)
                        .GET()
                        .build())
                .statusCode();
    }

    private static int session(String cookie) {
        return send(request("/api/session").header("Cookie", cookie).GET().build())
                .statusCode();
    }

    private static HttpRequest.Builder signIn(Map<String, String> user) {
        Map.Entry<String, String> credentials = user.entrySet().iterator().next();
        String form = "username=" + URLEncoder.encode(credentials.getKey(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(credentials.getValue(), StandardCharsets.UTF_8);
        return request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static List<String> attributes(HttpResponse<String> response) {
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        List<String> attributes = new ArrayList<>();
        for (String part : cookie.split(";")) {
            attributes.add(part.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return attributes.subList(1, attributes.size());
    }

    private static double sessionsCreated() {
        String metrics = tracker.client()
                .get(TrackerClient.AUDITOR, "/actuator/prometheus")
                .body();
        Matcher matcher = SESSIONS_CREATED.matcher(metrics);
        assertThat(matcher.find()).as("tomcat_sessions_created_sessions_total").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    /** A request from a client of its own, so that its failed sign-ins leave localhost's count alone. */
    private static HttpRequest.Builder fromElsewhere(String path) {
        return request(path).header("X-Forwarded-For", "192.0.2.1");
    }

    private static String basic(Map<String, String> user) {
        Map.Entry<String, String> credentials = user.entrySet().iterator().next();
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (credentials.getKey() + ":" + credentials.getValue()).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return BrowserSession.send(request);
    }

    private static HttpResponse<InputStream> sendStreaming(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
