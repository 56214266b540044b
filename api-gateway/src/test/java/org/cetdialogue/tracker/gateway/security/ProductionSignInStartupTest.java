package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A production profile refuses to start with a published demo password among its configured users, and says what to
 * do; it refuses to start without an audience for bearer tokens too. No provider is needed: it is asked nothing.
 */
class ProductionSignInStartupTest {

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void onTheDefaultDatabase() {
        // the guard does not depend on the database; the PostgreSQL run starts every tracker in the postgres profile
        // with the demo users allowed on purpose, which would overrule what is tested here
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "start-up checks run on the default database only");
    }

    @Test
    void aDemoPasswordConfiguredInTheJwtProfileStopsTheStartWithAClearMessage() {
        String viewerDemoHash = new BCryptPasswordEncoder(4).encode("viewer-demo");

        assertThatThrownBy(() -> RunningTracker.start(
                                dataDirectory,
                                "spring.profiles.active=jwt",
                                "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/never-asked",
                                "tracker.security.jwt.audience=urn:cet-tracker",
                                "tracker.security.http-basic.enabled=true",
                                "tracker.security.users[0].username=site-viewer",
                                "tracker.security.users[0].password-hash=" + viewerDemoHash,
                                "tracker.security.users[0].role=VIEWER",
                                "tracker.security.users[0].side=US",
                                "tracker.seed.enabled=false")
                        .close())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("tracker.security.users[0] (site-viewer) has a published demo password")
                .hasMessageContaining("TRACKER_DEMO_USERS=true");
    }

    @Test
    void bearerTokensWithoutAnAudienceStopTheStart() {
        assertThatThrownBy(() -> RunningTracker.start(
                                dataDirectory,
                                "spring.profiles.active=jwt",
                                "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/never-asked",
                                "tracker.seed.enabled=false")
                        .close())
                .rootCause()
                .hasMessageContaining("tracker.security.jwt.audience");
    }
}
