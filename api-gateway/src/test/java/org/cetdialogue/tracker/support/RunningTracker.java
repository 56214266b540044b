package org.cetdialogue.tracker.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.CommitmentTrackerApplication;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real tracker, started in this JVM on a random port over a data directory of the test's choosing, so that a
 * test can stop it and start it again on the same data. Closing it shuts the application down.
 */
public final class RunningTracker implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final TrackerClient client;

    private RunningTracker(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = new TrackerClient("http://localhost:" + port);
    }

    public static RunningTracker start(Path dataDirectory, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(dataDirectory),
                "--tracker.audit.signing-key-file="
                        + dataDirectory.toAbsolutePath().resolve("audit-signing-key.pk8"),
                "--server.servlet.session.store-dir="
                        + dataDirectory.toAbsolutePath().resolve("sessions"),
                "--spring.main.banner-mode=off"));
        for (String property : properties) {
            if (property.startsWith("server.port=")) {
                args.remove("--server.port=0"); // a test that restarts the tracker where a page expects it
            }
            args.add("--" + property);
        }
        args.addAll(TestDatabase.extraArguments());
        System.setProperty("axoniq.update-checker.disabled", "true");
        // every status the tests see is recorded, for DocumentedStatusesIT
        SpringApplicationBuilder application =
                new SpringApplicationBuilder(CommitmentTrackerApplication.class, ObservedStatuses.class);
        if (InMemoryEventStorage.selected()) {
            application.sources(InMemoryEventStorage.class);
        }
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new RunningTracker(context);
    }

    public TrackerClient client() {
        return client;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * Waits (at most 30 seconds) until every event processor has handled every stored event, so that what a test
     * reads from a projection before it writes is the baseline its own writes are counted from.
     */
    public void awaitProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(TrackerClient.AUDITOR, "/actuator/health")
                                .json()
                                .at("/components/eventProcessors/details"),
                        RunningTracker::allCaughtUp);
    }

    private static boolean allCaughtUp(JsonNode processors) {
        if (!processors.isObject() || processors.isEmpty()) {
            return false;
        }
        for (JsonNode processor : processors) {
            if (processor.path("lag").asLong(-1) != 0) {
                return false;
            }
        }
        return true;
    }

    /** How many events the store holds, counted through Axon's event store (whatever stores them). */
    public long storedEvents() {
        long[] count = {0};
        bean(StoredEvents.class).forEach(StoredEvents.FROM_THE_START, StoredEvents.TO_THE_HEAD, event -> {
            count[0]++;
            return true;
        });
        return count[0];
    }

    @Override
    public void close() {
        context.close();
    }
}
