package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAMS_PER_USER;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_CAP;
import static org.cetdialogue.tracker.support.TrackerConfigurations.STREAM_HEARTBEAT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A thousand dashboards come and go: every subscription they opened is closed once they have gone, and the cap on
 * streams per user holds at the thousand-and-first.
 */
@SharedTracker({STREAM_HEARTBEAT, STREAM_CAP})
class StreamSubscriptionLeakHttpTest {

    private static final int STREAMS = STREAMS_PER_USER;
    private static final String[] PATHS = {
        "/api/stream/areas",
        "/api/stream/funding?area=BIOTECHNOLOGY",
        "/api/stream/commitments/bio-lbnl-kribb-biofoundry-mou",
        "/api/stream/activity"
    };

    static RunningTracker tracker;

    @BeforeAll
    static void start(RunningTracker shared) {
        tracker = shared;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tracker.client()
                                .get(VIEWER, "/api/commitments")
                                .json()
                                .get("commitments")
                                .size()
                        >= 16);
    }

    @Test
    void aThousandStreamsOpenedAndDroppedLeaveNoSubscriptionRegistered() {
        QueryUpdateEmitter emitter = tracker.bean(QueryUpdateEmitter.class);
        StreamLimiter limiter = tracker.bean(StreamLimiter.class);
        String base = tracker.client().baseUrl();
        // a browser session: one sign-in, then every stream rides on the cookie
        String cookie = BrowserSession.cookie(base, VIEWER);
        // the streams of a class that ran before on this tracker are gone once the next heartbeat finds them closed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> emitter.activeSubscriptions().isEmpty() && limiter.openStreams() == 0);
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
