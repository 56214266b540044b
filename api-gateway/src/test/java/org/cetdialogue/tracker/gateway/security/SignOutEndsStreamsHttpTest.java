package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard's live stream ends within a heartbeat once its session is signed out; other sessions' streams go on. */
class SignOutEndsStreamsHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start(dataDirectory, "tracker.stream.heartbeat=1s", "tracker.seed.enabled=false");
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void signingOutEndsTheSessionsStreams() {
        String base = tracker.client().baseUrl();
        String signedOut = BrowserSession.cookie(base, TrackerClient.VIEWER);
        String stillIn = BrowserSession.cookie(base, TrackerClient.VIEWER);

        try (SseStream ending = SseStream.open(base, "/api/stream/areas", "Cookie", signedOut);
                SseStream going = SseStream.open(base, "/api/stream/areas", "Cookie", stillIn)) {
            assertThat(ending.firstEvent().event()).isEqualTo("areas");
            assertThat(going.firstEvent().event()).isEqualTo("areas");

            var logout = BrowserSession.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
                    .header("Cookie", signedOut)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(logout.statusCode()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(15)).until(ending::ended);
            int heartbeats = going.heartbeats();
            await().atMost(Duration.ofSeconds(15)).until(() -> going.heartbeats() > heartbeats);
            assertThat(going.ended()).isFalse();
        }
    }
}
