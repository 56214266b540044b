package org.cetdialogue.tracker.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health (database, event store, processors with lag), liveness apart from readiness, Prometheus metrics. */
@SharedTracker
class OperationsHttpTest {

    private static final List<String> PROCESSORS =
            List.of("area-status", "commitment-view", "funding-totals", "history");

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void connect(RunningTracker shared) {
        tracker = shared;
        client = shared.client();
    }

    @Test
    void healthIsPublicAndNamesTheDatabaseTheEventStoreAndTheProcessorsWithoutDetails() {
        Response health = client.get(null, "/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/status").asText()).isEqualTo("UP");
        JsonNode components = health.json().get("components");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/eventStore/status").asText()).isEqualTo("UP");
        assertThat(components.at("/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(components.at("/eventProcessors/details").isMissingNode())
                .as("details only for auditors")
                .isTrue();
    }

    @Test
    void auditorSeesEachProcessorsLagReachZeroAfterAWrite() {
        Response write = client.post(US_SECRETARIAT, "/api/commitments", """
                {"commitmentId":"ops-lag-forum","area":"AI_STANDARDS","kind":"FORUM",
                 "titleEn":"Lag test forum","titleKo":"지연 시험 포럼",
                 "parties":[{"nameEn":"NIST","nameKo":"미국 국립표준기술연구소","country":"US","role":"LEAD"}],
                 "announcedOn":"2024-01-10"}
                """);
        assertThat(write.status()).as(write.toString()).isEqualTo(201);

        JsonNode processors = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(AUDITOR, "/actuator/health").json().at("/components/eventProcessors/details"),
                        details -> PROCESSORS.stream()
                                .allMatch(p -> details.at("/" + p + "/lag").asLong(-1) == 0));

        List<String> names = new ArrayList<>();
        processors.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(PROCESSORS);
        for (String name : PROCESSORS) {
            assertThat(processors.at("/" + name + "/running").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(processors.at("/" + name + "/error").asBoolean())
                    .as(name)
                    .isFalse();
            assertThat(processors.at("/" + name + "/segments")).as(name).isNotEmpty();
        }
        long head = client.get(AUDITOR, "/actuator/health")
                .json()
                .at("/components/eventStore/details/headPosition")
                .asLong(-1);
        assertThat(head).as("the head is the latest global index").isGreaterThan(0);
    }

    @Test
    void livenessAndReadinessAreSeparateProbes() {
        Response liveness = client.get(AUDITOR, "/actuator/health/liveness");
        Response readiness = client.get(AUDITOR, "/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(fieldNames(liveness.json().get("components"))).containsExactly("livenessState");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(fieldNames(readiness.json().get("components")))
                .containsExactlyInAnyOrder("readinessState", "db", "eventStore");
    }

    @Test
    void prometheusNeedsTheAuditorRoleAndCarriesAxonAndLagMetrics() {
        assertThat(client.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(client.get(VIEWER, "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(client.get(null, "/actuator/info").status()).isEqualTo(401);

        String metrics = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.get(AUDITOR, "/actuator/prometheus").body(),
                        body -> body.contains("axon_command_bus_"));

        assertThat(metrics).contains("tracker_processor_lag{");
        for (String name : PROCESSORS) {
            assertThat(metrics).contains("processor=\"" + name + "\"");
        }
        assertThat(metrics).as("Axon's event processor metrics").contains("axon_event_processor_");
        assertThat(metrics).as("the database pool").contains("hikaricp_connections");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
