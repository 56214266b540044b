package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand dashboards come and go: every subscription they opened is closed once they have gone, and the cap on
 * streams per user holds at the thousand-and-first.
 */
class StreamSubscriptionLeakHttpTest {

    private static final int STREAMS = 1000;
    private static final String[] PATHS = {
        "/api/stream/areas",
        "/api/stream/funding?area=BIOTECHNOLOGY",
        "/api/stream/commitments/bio-lbnl-kribb-biofoundry-mou",
        "/api/stream/activity"
    };

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(
                dataDirectory, "tracker.stream.heartbeat=500ms", "tracker.stream.max-per-user=" + STREAMS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tracker.client()
                                .get(VIEWER, "/api/commitments")
                                .json()
                                .get("commitments")
                                .size()
                        >= 16);
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void aThousandStreamsOpenedAndDroppedLeaveNoSubscriptionRegistered() {
        QueryUpdateEmitter emitter = tracker.bean(QueryUpdateEmitter.class);
        StreamLimiter limiter = tracker.bean(StreamLimiter.class);
        String base = tracker.client().baseUrl();
        // a browser session: one sign-in, then every stream rides on the cookie
        String cookie = BrowserSession.cookie(base, VIEWER);
        assertThat(emitter.activeSubscriptions()).isEmpty();

        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                SseStream stream = SseStream.open(base, PATHS[i % PATHS.length], "Cookie", cookie);
                streams.add(stream);
                assertThat(stream.status()).as("stream %d", i).isEqualTo(200);
                assertThat(stream.firstEvent().data()).contains("\"position\"");
            }
            assertThat(emitter.activeSubscriptions()).hasSize(STREAMS);
            assertThat(limiter.openStreams("viewer")).isEqualTo(STREAMS);

            try (SseStream oneTooMany = SseStream.open(base, PATHS[0], "Cookie", cookie)) {
                assertThat(oneTooMany.status()).isEqualTo(429);
            }
            assertThat(emitter.activeSubscriptions()).hasSize(STREAMS);
        } finally {
            streams.forEach(SseStream::close); // the clients go away without a word
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(emitter.activeSubscriptions()).isEmpty();
            assertThat(limiter.openStreams()).isZero();
        });
    }
}
