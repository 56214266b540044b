package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.OidcProvider;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.Tokens;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jwt} profile against a real OpenID Connect provider ({@code oidc-provider} from npm, see
 * {@link OidcProvider}): RFC 9068 access tokens ({@code typ: at+jwt}) by client credentials with resource indicators,
 * each role and side; the tokens such a provider must never get through (expired, not yet valid, without
 * {@code exp}, another issuer or audience, another key, {@code alg: none}, HS256 keyed with the public key); key
 * rotation without a restart; and the README's demo passwords, which open nothing here.
 */
class OidcProviderHttpTest {

    @TempDir
    static Path dataDirectory;

    static OidcProvider provider;
    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void start() {
        provider = OidcProvider.prepare().start();
        tracker = RunningTracker.start(dataDirectory, jwtProfile(provider));
        client = tracker.client();
    }

    /** The jwt profile pointed at the provider: its issuer, the tracker's audience, no seed. */
    static String[] jwtProfile(OidcProvider provider, String... more) {
        List<String> properties = new java.util.ArrayList<>(List.of(
                "spring.profiles.active=jwt",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + provider.issuer(),
                "tracker.security.jwt.audience=" + OidcProvider.AUDIENCE,
                "tracker.seed.enabled=false"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    @AfterAll
    static void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void eachRoleAndSideFromTheProvidersAccessTokens() throws Exception {
        String usSecretariat = provider.clientCredentialsToken("us-secretariat-client", OidcProvider.AUDIENCE);
        assertThat(headerField(usSecretariat, "typ")).isEqualTo("at+jwt");

        Response created = bearer(usSecretariat, "POST", "/api/commitments", Bodies.mou("quantum-oidc-mou"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(storedAuthor("quantum-oidc-mou", 0))
                .containsEntry("username", "us-secretariat-client")
                .containsEntry("side", "US")
                .containsEntry("roles", "SECRETARIAT");

        String rokSecretariat = provider.clientCredentialsToken("rok-secretariat-client", OidcProvider.AUDIENCE);
        Response milestone = bearer(
                rokSecretariat,
                "POST",
                "/api/commitments/quantum-oidc-mou/milestones",
                "{\"description\":\"kick-off\",\"achievedOn\":\"2024-06-20\"}");
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(200);
        assertThat(storedAuthor("quantum-oidc-mou", 1))
                .containsEntry("username", "rok-secretariat-client")
                .containsEntry("side", "ROK");

        String auditor = provider.clientCredentialsToken("auditor-client", OidcProvider.AUDIENCE);
        assertThat(bearer(auditor, "GET", "/api/audit/events", null).status()).isEqualTo(200);
        assertThat(bearer(auditor, "POST", "/api/commitments", Bodies.mou("quantum-oidc-auditor"))
                        .status())
                .isEqualTo(403);

        String viewer = provider.clientCredentialsToken("viewer-client", OidcProvider.AUDIENCE);
        assertThat(bearer(viewer, "GET", "/api/areas", null).status()).isEqualTo(200);
        assertThat(bearer(viewer, "GET", "/api/audit/events", null).status()).isEqualTo(403);
        Response viewerWrite = bearer(viewer, "POST", "/api/commitments", Bodies.mou("quantum-oidc-viewer"));
        assertThat(viewerWrite.status()).isEqualTo(403);
        assertThat(viewerWrite.isProblem()).isTrue();

        // a token with a side but none of the tracker's roles reads nothing
        String noRole = provider.clientCredentialsToken("no-role-client", OidcProvider.AUDIENCE);
        assertThat(bearer(noRole, "GET", "/api/areas", null).status()).isEqualTo(403);

        // and an API client may ask who it is with its token
        Response session = bearer(viewer, "GET", "/api/session", null);
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json().get("username").asText()).isEqualTo("viewer-client");
        assertThat(session.json().get("side").asText()).isEqualTo("US");
        assertThat(session.header("Set-Cookie")).isNull();
    }

    @Test
    void aTokenTheSameProviderIssuedForAnotherApiIsRefused() {
        String forOtherApi = provider.clientCredentialsToken("us-secretariat-client", OidcProvider.OTHER_API);
        long before = tracker.storedEvents();

        Response write = bearer(forOtherApi, "POST", "/api/commitments", Bodies.mou("quantum-oidc-other-api"));

        assertThat(write.status()).isEqualTo(401);
        assertThat(write.isProblem()).isTrue();
        assertThat(write.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(tracker.storedEvents()).isEqualTo(before);
    }

    @Test
    void tokensThatMustNotPassAre401WithTheRfc6750Challenge() throws Exception {
        RSAKey providerKey = provider.rsaKey();
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();
        Instant now = Instant.now();
        List<String> refused = List.of(
                signed(providerKey, claims -> claims.expirationTime(Date.from(now.minusSeconds(120)))),
                signed(providerKey, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(300)))),
                signed(providerKey, claims -> claims.issueTime(Date.from(now.plusSeconds(300)))),
                signed(providerKey, claims -> claims.expirationTime(null)),
                signed(providerKey, claims -> claims.issuer("http://localhost:1/another-issuer")),
                signed(providerKey, claims -> claims.audience(OidcProvider.OTHER_API)),
                signed(providerKey, claims -> claims.audience((String) null)),
                signed(stranger, UnaryOperator.identity()),
                new PlainJWT(claims(UnaryOperator.identity())).serialize(),
                hs256KeyedWithThePublicKey(providerKey),
                "abc");
        for (String token : refused) {
            Response response = bearer(token, "GET", "/api/areas", null);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.isProblem()).as(token).isTrue();
            assertThat(response.header("WWW-Authenticate"))
                    .as(token)
                    .startsWith("Bearer realm=\"cet-tracker\"")
                    .contains("error=\"invalid_token\"");
        }
        // the same token, correctly made, passes: what was refused was the one fault
        Response wellMade = bearer(signed(providerKey, UnaryOperator.identity()), "GET", "/api/areas", null);
        assertThat(wellMade.status()).as(wellMade.header("WWW-Authenticate")).isEqualTo(200);
        // within the clock skew, a token just expired or not quite valid yet still passes
        Response withinSkew = bearer(
                signed(
                        providerKey,
                        claims -> claims.issueTime(Date.from(now.minusSeconds(300)))
                                .expirationTime(Date.from(now.minusSeconds(20)))
                                .notBeforeTime(Date.from(now.plusSeconds(20)))),
                "GET",
                "/api/areas",
                null);
        assertThat(withinSkew.status())
                .as(withinSkew.header("WWW-Authenticate"))
                .isEqualTo(200);
        Response none = client.get(null, "/api/areas");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"cet-tracker\"");
    }

    @Test
    void theDemoPasswordsOpenNothing() {
        for (var user : List.of(
                TrackerClient.US_SECRETARIAT,
                TrackerClient.ROK_SECRETARIAT,
                TrackerClient.AUDITOR,
                TrackerClient.VIEWER)) {
            var signIn = BrowserSession.signIn(client.baseUrl(), user);
            assertThat(signIn.statusCode()).as(user.toString()).isEqualTo(401);
            assertThat(signIn.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(client.get(user, "/api/session").status())
                    .as(user.toString())
                    .isEqualTo(401);
            assertThat(client.get(user, "/api/areas").status())
                    .as(user.toString())
                    .isEqualTo(401);
        }
    }

    @Test
    void keysRotateWithoutARestart() throws Exception {
        String before = provider.clientCredentialsToken("viewer-client", OidcProvider.AUDIENCE);
        assertThat(bearer(before, "GET", "/api/areas", null).status()).isEqualTo(200);

        provider.stop();
        var newKey = provider.rotateToNewEcKey();
        provider.start();
        String after = provider.clientCredentialsToken("viewer-client", OidcProvider.AUDIENCE);

        assertThat(headerField(after, "kid")).isEqualTo(newKey.getKeyID());
        assertThat(headerField(after, "alg")).isEqualTo("ES256");
        assertThat(bearer(after, "GET", "/api/areas", null).status()).isEqualTo(200);
        // the old key is still published, so its tokens stay good until they expire
        assertThat(bearer(before, "GET", "/api/areas", null).status()).isEqualTo(200);
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        RSAKey providerKey = provider.rsaKey();
        String shortLived = signed(
                providerKey,
                claims -> claims.expirationTime(Date.from(Instant.now().plusSeconds(4))));

        try (SseStream stream =
                SseStream.open(client.baseUrl(), "/api/stream/areas", "Authorization", "Bearer " + shortLived)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.firstEvent().event()).isEqualTo("areas");
            await().atMost(Duration.ofSeconds(30)).until(stream::ended);
        }
    }

    private static Response bearer(String token, String method, String path, String json) {
        return client.exchange(null, method, path, json, "Authorization", "Bearer " + token);
    }

    private static java.util.Map<String, String> storedAuthor(String commitment, long sequence) throws Exception {
        byte[] metadata = tracker.jdbc()
                .queryForObject(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                        byte[].class,
                        commitment,
                        sequence);
        JsonNode meta = new ObjectMapper().readTree(metadata);
        return java.util.Map.of(
                "username", meta.get("username").asText(),
                "side", meta.get("side").asText(),
                "roles", meta.get("roles").asText());
    }

    private static Object headerField(String token, String name) throws Exception {
        return SignedJWT.parse(token).getHeader().toJSONObject().get(name);
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return Tokens.claims(provider.issuer(), change);
    }

    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        return Tokens.signed(key, provider.issuer(), change);
    }

    /** Algorithm confusion: HMAC keyed with the provider's public key, which anyone can fetch. */
    private static String hs256KeyedWithThePublicKey(RSAKey key) throws Exception {
        byte[] secret = ("-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(key.toRSAPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims(UnaryOperator.identity()));
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
