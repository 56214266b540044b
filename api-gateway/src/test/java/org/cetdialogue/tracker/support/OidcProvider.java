package org.cetdialogue.tracker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenID Connect provider for the sign-in tests: {@code oidc-provider} from npm, run by Node.js on 127.0.0.1
 * from {@code src/test/oidc} (installed into {@code target/oidc-provider} with {@code npm ci} on first use). The test
 * owns its signing keys, so it can also sign the tokens the provider would never issue (expired, wrong audience…)
 * with the provider's own key. Skipped where Node.js is missing, except in CI ({@code CI=true}), where that fails.
 *
 * <p>Clients: {@code us-secretariat-client}, {@code rok-secretariat-client}, {@code auditor-client},
 * {@code viewer-client} and {@code no-role-client} get access tokens by client credentials, with the tracker's role
 * and side claims; {@code tracker-dashboard} is the dashboard's code-flow client. People who sign in: {@link #PEOPLE}.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String AUDIENCE = "urn:cet-tracker";
    public static final String OTHER_API = "urn:other-api";
    public static final String DASHBOARD_CLIENT = "tracker-dashboard";
    public static final String DASHBOARD_SECRET = "dashboard-secret-for-tests-only";
    private static final String CLIENT_SECRET = "client-secret-for-tests-only";

    /** The people the provider knows, with the tracker's claims (any password signs them in). */
    public static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "kim.viewer", Map.of("roles", List.of("VIEWER"), "side", "ROK"),
            "lee.nobody", Map.of());

    private static final Map<String, Map<String, Object>> CLIENTS = Map.of(
            "us-secretariat-client", Map.of("roles", List.of("SECRETARIAT"), "side", "US"),
            "rok-secretariat-client", Map.of("roles", List.of("SECRETARIAT"), "side", "ROK"),
            "auditor-client", Map.of("roles", List.of("AUDITOR"), "side", "ROK"),
            "viewer-client", Map.of("roles", List.of("VIEWER"), "side", "US"),
            "no-role-client", Map.of("side", "US"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Paths.get("src/test/oidc");
    private static final Path INSTALL = Paths.get("target/oidc-provider");

    private final int port;
    private final List<JWK> keys = new ArrayList<>();
    private String accessTokenAlgorithm = "RS256";
    private String trackerBaseUrl = "http://localhost:1";
    private Process process;
    // made anew at each start: a pooled connection to a stopped provider would fail the first request after it
    private HttpClient http = newHttpClient();

    private OidcProvider(int port) {
        this.port = port;
        try {
            keys.add(new RSAKeyGenerator(2048)
                    .keyID("rsa-1")
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider on a free port, not started yet (so that a tracker can be pointed at it first). */
    public static OidcProvider prepare() {
        requireNode();
        install();
        try (ServerSocket socket = new ServerSocket(0)) {
            return new OidcProvider(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return "http://localhost:" + port;
    }

    /** Where the dashboard client may return to: {@code <tracker>/login/oauth2/code/tracker} and {@code <tracker>/}. */
    public OidcProvider trackerAt(String baseUrl) {
        this.trackerBaseUrl = baseUrl;
        return this;
    }

    /** The provider's first key, an RSA key it keeps publishing after a rotation. */
    public RSAKey rsaKey() {
        return (RSAKey) keys.get(keys.size() - 1);
    }

    /** Rotation: a new EC P-256 key signs from now on (ES256), the old keys stay published. Applied at next start. */
    public JWK rotateToNewEcKey() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("ec-" + (keys.size() + 1))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            keys.add(0, key);
            accessTokenAlgorithm = "ES256";
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public OidcProvider start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Path config = INSTALL.resolve("config-" + port + ".json").toAbsolutePath();
            Files.writeString(config, JSON.writeValueAsString(configuration()));
            Path log = INSTALL.resolve("provider-" + port + ".log").toAbsolutePath();
            http = newHttpClient();
            process = new ProcessBuilder("node", "provider.mjs", config.toString())
                    .directory(INSTALL.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!answers()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("oidc-provider did not start; see " + log);
                }
                Thread.onSpinWait();
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the provider: its port then refuses connections, as a provider that is down would. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** An access token by client credentials, for the given resource (the token's audience). */
    public String clientCredentialsToken(String clientId, String resource) {
        String form = "grant_type=client_credentials&scope=tracker&resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (clientId + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new AssertionError("the provider refused a token: " + response.body());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> configuration() {
        List<Map<String, Object>> clients = new ArrayList<>();
        CLIENTS.forEach((id, claims) -> {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("client_id", id);
            client.put("client_secret", CLIENT_SECRET);
            client.put("grant_types", List.of("client_credentials"));
            client.put("response_types", List.of());
            client.put("redirect_uris", List.of());
            client.put("claims", claims);
            clients.add(client);
        });
        clients.add(Map.of(
                "client_id", DASHBOARD_CLIENT,
                "client_secret", DASHBOARD_SECRET,
                "grant_types", List.of("authorization_code"),
                "response_types", List.of("code"),
                "redirect_uris", List.of(trackerBaseUrl + "/login/oauth2/code/tracker"),
                "post_logout_redirect_uris", List.of(trackerBaseUrl + "/")));
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("port", port);
        configuration.put("issuer", issuer());
        configuration.put(
                "jwks", Map.of("keys", keys.stream().map(JWK::toJSONObject).toList()));
        configuration.put("audience", AUDIENCE);
        configuration.put("resources", List.of(AUDIENCE, OTHER_API));
        configuration.put("accessTokenAlg", accessTokenAlgorithm);
        configuration.put("clients", clients);
        configuration.put("accounts", PEOPLE);
        return configuration;
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void requireNode() {
        boolean present = run(Paths.get("."), "node", "--version") && run(Paths.get("."), "npm", "--version");
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the sign-in tests against oidc-provider: install Node.js");
        }
        Assumptions.assumeTrue(present, "Skipping the OpenID Connect tests: Node.js and npm are not installed");
    }

    private static synchronized void install() {
        try {
            Files.createDirectories(INSTALL);
            for (String file : List.of("package.json", "package-lock.json", "provider.mjs")) {
                Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(INSTALL.resolve("node_modules/oidc-provider"))
                    && !run(INSTALL, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")) {
                throw new IllegalStateException("npm ci of oidc-provider failed in " + INSTALL.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
