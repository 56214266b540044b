package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jwt} profile offline: bearer tokens signed by an issuer whose public key the tracker holds as a PEM file (a
 * key pair made here, no provider), mapped to user, roles and side by their claims; HTTP Basic is off. The same
 * profile against a real OpenID Connect provider is {@code OidcProviderHttpTest}.
 */
class JwtResourceServerHttpTest {

    @TempDir
    static Path dataDirectory;

    static KeyPair issuerKeys;
    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void start() throws Exception {
        issuerKeys = rsaKeyPair();
        Path publicKey = dataDirectory.resolve("issuer.pub");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(issuerKeys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        tracker = RunningTracker.start(
                dataDirectory.resolve("db"),
                "spring.profiles.active=jwt",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey.toAbsolutePath(),
                "tracker.security.jwt.audience=urn:cet-tracker",
                "tracker.seed.enabled=false");
        client = tracker.client();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void aSecretariatTokenWritesAndTheEventNamesItsSubjectAndSide() throws Exception {
        String token = token(issuerKeys.getPrivate(), "kim.secretariat", List.of("SECRETARIAT"), "ROK", 300);

        Response created = client.exchange(
                null, "POST", "/api/commitments", Bodies.mou("quantum-jwt-mou"), "Authorization", "Bearer " + token);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        byte[] metadata = tracker.jdbc()
                .queryForObject(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                        byte[].class,
                        "quantum-jwt-mou");
        JsonNode meta = new ObjectMapper().readTree(metadata);
        assertThat(meta.get("username").asText()).isEqualTo("kim.secretariat");
        assertThat(meta.get("side").asText()).isEqualTo("ROK");
        assertThat(meta.get("roles").asText()).isEqualTo("SECRETARIAT");
    }

    @Test
    void theOpenApiDocumentOffersBearerTokensAndNoPasswordSignIn() {
        Response document = client.get(null, "/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        JsonNode api = document.json();
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.has("basicAuth"))
                .as("HTTP Basic is off in the jwt profile")
                .isFalse();
        assertThat(api.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(api.at("/paths").has("/login"))
                .as("no password sign-in form")
                .isFalse();
    }

    @Test
    void aViewerTokenReadsButCannotWrite() throws Exception {
        String token = token(issuerKeys.getPrivate(), "lee.viewer", List.of("VIEWER"), "US", 300);

        assertThat(client.exchange(null, "GET", "/api/areas", null, "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(200);
        Response write = client.exchange(
                null,
                "POST",
                "/api/commitments",
                Bodies.mou("quantum-jwt-viewer-mou"),
                "Authorization",
                "Bearer " + token);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
    }

    @Test
    void badTokensAndBasicCredentialsAnswer401() throws Exception {
        KeyPair stranger = rsaKeyPair();
        List<String> refused = List.of(
                token(stranger.getPrivate(), "eve", List.of("SECRETARIAT"), "US", 300),
                token(issuerKeys.getPrivate(), "kim", List.of("SECRETARIAT"), "US", -300),
                token(issuerKeys.getPrivate(), "kim", List.of("SECRETARIAT"), null, 300),
                token(issuerKeys.getPrivate(), "kim", List.of("SECRETARIAT"), "JAPAN", 300),
                "not-a-token");
        for (String token : refused) {
            Response response = client.exchange(null, "GET", "/api/areas", null, "Authorization", "Bearer " + token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
        }
        Response basic = client.get(TrackerClient.US_SECRETARIAT, "/api/areas");
        assertThat(basic.status()).isEqualTo(401);
        Response none = client.get(null, "/api/areas");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static String token(PrivateKey key, String subject, List<String> roles, String side, long validSeconds)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("urn:cet-tracker")
                .claim("roles", roles)
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(validSeconds)));
        if (side != null) {
            claims.claim("side", side);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
