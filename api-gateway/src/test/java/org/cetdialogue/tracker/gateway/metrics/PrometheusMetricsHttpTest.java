package org.cetdialogue.tracker.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /actuator/prometheus} after writes, a refused write, an open live stream and a replay: clean for the real
 * {@code promtool check metrics} (Debian's {@code prometheus} package; the test is skipped without it, and fails under
 * {@code CI=true}), Axon's meters under Prometheus names with help text, and every metric the Grafana dashboard
 * (deploy/grafana/dashboards/cet-tracker.json) queries is published, so that the dashboard cannot silently rot.
 */
@SharedTracker
class PrometheusMetricsHttpTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "cet-tracker.json");

    /** PromQL words that are not metric names: functions, aggregations and their modifiers. */
    private static final Set<String> PROMQL = Set.of(
            "sum",
            "avg",
            "min",
            "max",
            "count",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "rate",
            "irate",
            "increase",
            "delta",
            "histogram_quantile",
            "topk",
            "bottomk",
            "abs",
            "clamp_min",
            "clamp_max",
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "time",
            "vector",
            "scalar");

    static String metrics;

    @BeforeAll
    static void exercise(RunningTracker tracker) {
        TrackerClient client = tracker.client();
        String id = "metrics-naming-mou";
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(id))
                        .status())
                .isEqualTo(201);
        assertThat(client.post(US_SECRETARIAT, "/api/commitments/" + id + "/signature", "{\"signedOn\":\"2024-03-01\"}")
                        .status())
                .isEqualTo(200);
        // a write the aggregate refuses: signed twice
        assertThat(client.post(US_SECRETARIAT, "/api/commitments/" + id + "/signature", "{\"signedOn\":\"2024-03-01\"}")
                        .status())
                .isEqualTo(409);
        try (SseStream stream = SseStream.open(client.baseUrl(), "/api/stream/activity", SseStream.basic(VIEWER))) {
            assertThat(stream.firstEvent()).isNotNull();
            TrackerClient.Response replay = client.post(AUDITOR, "/api/audit/replays", "{\"projection\":\"all\"}");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            String progress = replay.header("Location");
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> client.get(AUDITOR, progress)
                                    .json()
                                    .get("state")
                                    .asText(),
                            "DONE"::equals);
            metrics = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> client.get(AUDITOR, "/actuator/prometheus").body(),
                            body -> body.contains("axon_command_bus_messages_total{")
                                    && body.contains("axon_event_processor_latency{")
                                    && Pattern.compile("(?m)^tracker_stream_subscribers\\{[^}]*} [1-9]")
                                            .matcher(body)
                                            .find());
        }
    }

    /** Where the scrape is kept for .ci/run, which runs promtool on it again and prints the verdict. */
    private static final Path SAVED = Path.of("target", "prometheus-metrics.txt");

    @Test
    void promtoolFindsNoProblem(@TempDir Path directory) throws Exception {
        Files.writeString(SAVED, metrics);
        File promtool = new File("/usr/bin/promtool");
        if (!promtool.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("promtool is missing: .ci/run installs Debian's prometheus package");
            }
            Assumptions.abort("promtool is not installed (apt-get install prometheus)");
        }
        Path scraped = directory.resolve("metrics.txt");
        Files.writeString(scraped, metrics);
        Path report = directory.resolve("promtool.txt");
        Process check = new ProcessBuilder(promtool.getPath(), "check", "metrics")
                .redirectInput(scraped.toFile())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile())
                .start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(report)).as("promtool check metrics").isBlank();
        assertThat(check.exitValue()).isZero();
    }

    @Test
    void axonsMetersCarryPrometheusNamesLabelsAndHelp() {
        assertThat(metrics)
                .doesNotContain("commandBus", "eventProcessor_", "payloadType", "processorName")
                .contains("# HELP axon_command_bus_messages_total Messages the command bus has handled, by outcome")
                .containsPattern("axon_command_bus_messages_total\\{[^}]*outcome=\"success\""
                        + "[^}]*payload_type=\"ProposeCommitmentCommand\"[^}]*} [1-9]")
                .containsPattern("axon_command_bus_messages_total\\{[^}]*outcome=\"failure\""
                        + "[^}]*payload_type=\"SignMouCommand\"[^}]*} [1-9]")
                .containsPattern("axon_command_bus_handling_seconds_count\\{[^}]*outcome=\"success\"")
                .containsPattern("axon_event_processor_capacity\\{[^}]*processor=\"commitment-view\"")
                .containsPattern("tracker_processor_replay_progress_ratio\\{[^}]*processor=\"history\"[^}]*} 1");
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                String family = line.split(" ")[2];
                assertThat(metrics).as(family).containsPattern("(?m)^# HELP " + family + " \\S");
            }
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsPublished() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                published.add(line.split("[{ ]", 2)[0]);
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
        List<String> queried = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queried.addAll(metricNames(target.get("expr").asText()));
            }
        }

        assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
        assertThat(published).containsAll(queried);
        assertThat(queried)
                .as("writes, lag, replays, HTTP latency, SSE subscribers")
                .contains(
                        "axon_command_bus_messages_total",
                        "tracker_processor_lag",
                        "tracker_processor_replay_progress_ratio",
                        "http_server_requests_seconds_bucket",
                        "tracker_stream_subscribers");
    }

    /** The metric names in a PromQL expression: its identifiers less label matchers, groupings, ranges and functions. */
    static List<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\$\\w+", " ");
        List<String> names = new ArrayList<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (identifier.find()) {
            if (!PROMQL.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
