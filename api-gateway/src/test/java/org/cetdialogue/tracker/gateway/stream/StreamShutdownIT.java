package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.support.PackagedTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop with SIGTERM while dashboards hold streams open: the streams are completed at once instead of holding the
 * web server's graceful shutdown for its whole grace period, and the process exits within five seconds.
 */
class StreamShutdownIT {

    private static final int STREAMS = 50;
    private static final String[] PATHS = {
        "/api/stream/areas",
        "/api/stream/funding",
        "/api/stream/activity",
        "/api/stream/commitments/bio-lbnl-kribb-biofoundry-mou"
    };

    @TempDir
    Path dataDirectory;

    @Test
    void sigtermWithFiftyOpenStreamsExitsWithinFiveSecondsAndEndsEachStream() {
        List<SseStream> streams = new ArrayList<>();
        try (PackagedTracker tracker =
                PackagedTracker.start(dataDirectory, "shutdown", "tracker.stream.max-per-user=" + STREAMS)) {
            String base = tracker.client().baseUrl();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tracker.client()
                                    .get(VIEWER, "/api/commitments")
                                    .json()
                                    .path("commitments")
                                    .size()
                            >= 16);
            for (int i = 0; i < STREAMS; i++) {
                SseStream stream = SseStream.open(base, PATHS[i % PATHS.length], SseStream.basic(VIEWER));
                streams.add(stream);
                assertThat(stream.status()).as("stream %d", i).isEqualTo(200);
                assertThat(stream.firstEvent().data()).contains("\"position\"");
            }

            Duration took = tracker.terminate(Duration.ofSeconds(30));

            assertThat(took)
                    .as("exit after SIGTERM with %d open streams", STREAMS)
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(streams)
                    .allSatisfy(stream -> await().atMost(Duration.ofSeconds(5)).until(stream::ended));
        } finally {
            streams.forEach(SseStream::close);
        }
    }
}
