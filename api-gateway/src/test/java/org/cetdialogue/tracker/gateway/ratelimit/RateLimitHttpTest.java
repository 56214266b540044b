package org.cetdialogue.tracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.nio.file.Path;
import java.util.Map;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits with tiny limits: 5 requests per user, 2 failed sign-ins per username and address, and 5
 * per address, each per hour
 * (so nothing refills during the test). The failed sign-in test runs last: it exhausts the address (all from
 * localhost).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(
                dataDirectory,
                "tracker.seed.enabled=false",
                "tracker.rate-limit.requests-per-user.permits=5",
                "tracker.rate-limit.requests-per-user.period=PT1H",
                "tracker.rate-limit.failed-logins-per-user-and-address.permits=2",
                "tracker.rate-limit.failed-logins-per-user-and-address.period=PT1H",
                "tracker.rate-limit.failed-logins-per-address.permits=5",
                "tracker.rate-limit.failed-logins-per-address.period=PT1H");
        client = tracker.client();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    @Order(1)
    void aUserPastTheLimitGets429WithRetryAfterWhileOthersCarryOn() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.get(VIEWER, "/api/areas").status()).isEqualTo(200);
        }

        Response limited = client.get(VIEWER, "/api/areas");

        assertTooMany(limited);
        assertThat(client.get(AUDITOR, "/api/areas").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void failedSignInsAreLimitedPerUsernameAndAddressAndPerAddress() {
        Map<String, String> wrongPassword = Map.of("us-secretariat", "guess");
        assertThat(client.get(wrongPassword, "/api/areas").status()).isEqualTo(401);
        assertThat(client.get(wrongPassword, "/api/areas").status()).isEqualTo(401);

        // the username is blocked from this address now, even with the right password; other users are not (from
        // another address it is not either: BrowserSessionHardeningHttpTest)
        assertTooMany(client.get(US_SECRETARIAT, "/api/areas"));
        assertThat(client.get(ROK_SECRETARIAT, "/api/areas").status()).isEqualTo(200);

        // three more failures under other names use up the address's five
        for (String name : new String[] {"nobody-1", "nobody-2", "nobody-3"}) {
            assertThat(client.get(Map.of(name, "guess"), "/api/areas").status()).isEqualTo(401);
        }
        assertTooMany(client.get(ROK_SECRETARIAT, "/api/areas"));
        assertThat(client.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private static void assertTooMany(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.isProblem()).isTrue();
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
    }
}
