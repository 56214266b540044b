package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.cetdialogue.tracker.support.OidcProvider;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.Tokens;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The identity provider stopped, then back: a bearer token that cannot be checked answers 503 with Retry-After (never
 * 500), a value that is no token at all still 401, the outage is logged once however many requests meet it, and the
 * tracker recovers by itself, first without ever having reached the provider, then with its keys cached.
 */
class IdentityProviderOutageHttpTest {

    @TempDir
    Path dataDirectory;

    OidcProvider provider;
    RunningTracker tracker;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger outageLogger = (Logger) LoggerFactory.getLogger(IdentityProviderOutage.class);

    @AfterEach
    void stop() {
        outageLogger.detachAppender(log);
        if (tracker != null) {
            tracker.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anOutageAnswers503OnceLoggedAndTheTrackerRecoversByItself() throws Exception {
        provider = OidcProvider.prepare(); // not started: the tracker starts without it
        tracker = RunningTracker.start(dataDirectory, OidcProviderHttpTest.jwtProfile(provider));
        TrackerClient client = tracker.client();
        log.start();
        outageLogger.addAppender(log);
        String token = Tokens.signed(provider.rsaKey(), provider.issuer(), UnaryOperator.identity());

        for (int i = 0; i < 5; i++) {
            Response refused = bearer(client, token);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.header("Retry-After")).isEqualTo("10");
        }
        assertThat(bearer(client, "abc").status()).isEqualTo(401);
        assertThat(warnings()).isEqualTo(1);

        provider.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> bearer(client, token).status() == 200);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(1);

        // with its keys cached, the tracker still checks known keys while the provider is away; a token naming a key
        // it has never seen needs the provider, and gets 503 until it is back
        provider.stop();
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("never-published").generate();
        String unknownKey = Tokens.signed(unknown, provider.issuer(), UnaryOperator.identity());
        assertThat(bearer(client, token).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            Response refused = bearer(client, unknownKey);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("10");
        }
        assertThat(warnings()).isEqualTo(2);

        provider.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> bearer(client, unknownKey).status() == 401);
        assertThat(bearer(client, token).status()).isEqualTo(200);
    }

    private long warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    private static Response bearer(TrackerClient client, String token) {
        return client.exchange(null, "GET", "/api/areas", null, "Authorization", "Bearer " + token);
    }
}
