package org.cetdialogue.tracker.gateway.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TestDatabase;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by an earlier tracker starts under this code, verifies intact and shows the same answers.
 *
 * <p>The fixture {@code fixtures/data-v0.1-ef097ee} (see its README) was written by the packaged tracker of commit
 * {@code ef097ee} through the HTTP API, on top of the fact-sheet seed: the H2 file with the events, the commitments'
 * snapshots, the hash chain with three checkpoints signed by the key generated into the same directory, the
 * projections and the processors' tokens; and beside it, under {@code expected/}, what that tracker answered on it
 * just before it was stopped. This test copies the data files into a fresh directory, starts the current tracker on
 * them (fact-sheet seed on, as by default) and asks the same questions.
 *
 * <p>The fixture is an H2 file, so the test is skipped when the suite runs on PostgreSQL.
 */
class EarlierDataDirectoryHttpTest {

    private static final String FIXTURE = "/fixtures/data-v0.1-ef097ee";
    private static final Path VERIFIER =
            Path.of("").toAbsolutePath().getParent().resolve("tools/verify-export/VerifyExport.java");
    private static final Map<String, Map<String, String>> USERS = Map.of("viewer", VIEWER, "auditor", AUDITOR);

    /**
     * Numbers kept exactly as written: {@code 2600000}, {@code 2600000.0} and {@code 2600000.00} are three different
     * answers for a client that prints them (and {@link JsonNode#equals} would take the last two for equal).
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @TempDir
    Path dataDirectory;

    @TempDir
    Path files;

    @Test
    void startsOnTheEarlierDataVerifiesIntactAndAnswersTheSame() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "the fixture is an H2 data directory");
        Path fixture = fixture();
        Files.copy(fixture.resolve("tracker.mv.db"), dataDirectory.resolve("tracker.mv.db"));
        Files.copy(fixture.resolve("audit-signing-key.pk8"), dataDirectory.resolve("audit-signing-key.pk8"));
        Path expected = fixture.resolve("expected");
        JsonNode expectedVerification = read(expected.resolve("verification.json"));
        long storedEvents = expectedVerification.get("checkedEvents").asLong();
        List<Request> requests = requests(expected);

        try (RunningTracker tracker = RunningTracker.start(dataDirectory)) {
            TrackerClient client = tracker.client();
            assertThat(tracker.storedEvents())
                    .as("the fact-sheet seed finds every step stored and sends nothing")
                    .isEqualTo(storedEvents);

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> caughtUp(client, requests, expectedVerification));

            // the chain recomputed from the stored events: intact, the same head and hash, the same three
            // checkpoints (nothing is signed anew, since the head did not move), no break
            assertThat(canonical(json(client.get(AUDITOR, "/api/audit/verification"))))
                    .as("verification")
                    .isEqualTo(canonical(expectedVerification));
            assertThat(client.get(AUDITOR, "/api/audit/public-key").body())
                    .as("the checkpoints' key is still the one generated into the data directory")
                    .isEqualTo(Files.readString(expected.resolve("public-key.pem")));

            for (Request request : requests) {
                assertSameAnswer(client, request, read(expected.resolve(request.file())));
            }

            List<String> export = assertSameExport(client, expected.resolve("export.ndjson"));
            assertVerifiedOffline(export, expected.resolve("public-key.pem"), expectedVerification);

            assertAWriteContinuesASnapshottedCommitment(tracker, storedEvents);
        }
    }

    /**
     * The answer now equals the recorded one, as JSON (member order aside, numbers exactly). One thing legitimately
     * differs from run to run and is adjusted in the recorded answer before comparing: whether a commitment is
     * {@code overdue} (its target date passed and it is neither completed nor cancelled) is judged against today's
     * date when asked, so a commitment that was not yet overdue when the fixture was written may be overdue now (the
     * fixture has one with a target date in 2030). The live answer's own flags must follow that rule. Headers are not
     * compared: the freshness headers ({@code X-Projection-Position}, {@code -Lag}, {@code -State}) describe the
     * processors at the moment of the request, and {@code Date} the server's time.
     */
    private static void assertSameAnswer(TrackerClient client, Request request, JsonNode recorded) {
        JsonNode actual;
        LocalDate today;
        do {
            today = LocalDate.now(ZoneOffset.UTC);
            actual = json(client.get(request.user(), request.path()));
        } while (!today.equals(LocalDate.now(ZoneOffset.UTC))); // asked across midnight: ask again
        JsonNode expected = overdueAsOf(recorded.deepCopy(), today);
        assertThat(canonical(actual))
                .as("%s (expected/%s)", request.path(), request.file())
                .isEqualTo(canonical(expected));
    }

    /**
     * The CloudEvents export, line by line: every event with its stored bytes, chain position and link, and every
     * stored checkpoint. A checkpoint line the export signs at export time ({@code storedInTracker: false}, which the
     * fixture's export has none of since its head was signed) carries that time and is left out on both sides.
     */
    private List<String> assertSameExport(TrackerClient client, Path recorded) throws IOException {
        TrackerClient.Response response = client.get(AUDITOR, "/api/audit/export");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(withoutExportTimeCheckpoints(lines))
                .as("export")
                .isEqualTo(withoutExportTimeCheckpoints(Files.readAllLines(recorded, StandardCharsets.UTF_8)));
        return lines;
    }

    private static List<String> withoutExportTimeCheckpoints(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = parse(line);
            if (!node.at("/data/storedInTracker").asBoolean(true)) {
                continue;
            }
            kept.add(canonical(node));
        }
        return kept;
    }

    /**
     * The offline verifier, run as an auditor runs it, with the public key recorded from the tracker that wrote the
     * fixture: every event is chained as before and every checkpoint is signed by the fixture's key.
     */
    private void assertVerifiedOffline(List<String> export, Path publicKey, JsonNode verification) throws Exception {
        Path file = files.resolve("export.ndjson");
        Files.write(file, export, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(), VERIFIER.toString(), file.toString(), publicKey.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long events = verification.get("checkedEvents").asLong();
        assertThat(output)
                .startsWith("VERIFIED: " + events + " events (chain positions 1-" + events + ",")
                .contains(verification.get("checkpoints").asLong() + " signed checkpoints")
                .endsWith("head " + verification.get("headHash").asText());
    }

    /**
     * The earlier snapshots are read too: the fixture snapshotted {@code quantum-nist-kriss-testbed-mou} at sequence
     * 11 of its 14 events, so a write loads it from that snapshot and the two events after it. It is accepted at the
     * recorded version, lands at the next sequence and is chained after the earlier head. Done last: it changes the
     * answers compared above.
     */
    private static void assertAWriteContinuesASnapshottedCommitment(RunningTracker tracker, long storedEvents) {
        TrackerClient client = tracker.client();
        String id = "quantum-nist-kriss-testbed-mou";
        TrackerClient.Response view = client.get(VIEWER, "/api/commitments/" + id);
        assertThat(view.header("ETag")).isEqualTo("\"13\"");
        TrackerClient.Response write = client.post(
                US_SECRETARIAT,
                "/api/commitments/" + id + "/milestones",
                "{\"description\":\"Third campaign\",\"achievedOn\":\"2024-12-10\"}",
                "If-Match",
                "\"13\"");
        assertThat(write.status()).as(write.toString()).isEqualTo(200);
        assertThat(json(write).get("version").asLong()).isEqualTo(14);
        assertThat(tracker.storedEvents()).isEqualTo(storedEvents + 1);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> json(client.get(AUDITOR, "/api/audit/verification"))
                                .get("checkedEvents")
                                .asLong()
                        == storedEvents + 1);
        JsonNode verification = json(client.get(AUDITOR, "/api/audit/verification"));
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("headPosition").asLong()).isEqualTo(storedEvents + 1);
    }

    /**
     * Every projection asked about has applied every stored event (no lag, not rebuilding), and the hash chain covers
     * the recorded head. A tracker that rebuilds its projections on start is waited for too.
     */
    private static boolean caughtUp(TrackerClient client, List<Request> requests, JsonNode verification) {
        for (Request request : requests) {
            if (request.path().startsWith("/api/audit/")) {
                continue; // no freshness headers: the audit reads come from the store and the chain
            }
            TrackerClient.Response response = client.get(request.user(), request.path());
            String state = response.header("X-Projection-State");
            if (response.status() != 200
                    || !"0".equals(response.header("X-Projection-Lag"))
                    || state == null
                    || !state.startsWith("current")) {
                return false;
            }
        }
        TrackerClient.Response chain = client.get(AUDITOR, "/api/audit/verification");
        return chain.status() == 200
                && json(chain).get("headPosition").asLong()
                        == verification.get("headPosition").asLong();
    }

    /**
     * The recorded answer with each commitment summary's {@code overdue} judged against {@code today}, and each
     * area's {@code overdue} list made of its commitments that are.
     */
    private static JsonNode overdueAsOf(JsonNode node, LocalDate today) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> overdueAsOf(element, today));
        } else if (node instanceof ObjectNode object) {
            object.forEach(child -> overdueAsOf(child, today));
            if (object.get("overdue") instanceof BooleanNode) {
                object.put("overdue", overdue(object, today));
            }
            if (object.get("overdue") instanceof ArrayNode && object.get("commitments") instanceof ArrayNode all) {
                ArrayNode overdue = object.putArray("overdue");
                all.forEach(summary -> {
                    if (summary.path("overdue").asBoolean()) {
                        overdue.add(summary.deepCopy());
                    }
                });
            }
        }
        return node;
    }

    private static boolean overdue(JsonNode summary, LocalDate today) {
        JsonNode targetDate = summary.get("targetDate");
        String status = summary.get("status").asText();
        return targetDate != null
                && !targetDate.isNull()
                && LocalDate.parse(targetDate.asText()).isBefore(today)
                && !status.equals("COMPLETED")
                && !status.equals("CANCELLED");
    }

    /**
     * The JSON text with every object's members in name order and every number as written: equal for two answers
     * that differ only in member order, different for {@code 2.0} and {@code 2.00}. Indented, so that a failure
     * shows a readable difference.
     */
    private static String canonical(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(
                        EarlierDataDirectoryHttpTest.class.getResource(FIXTURE), FIXTURE + " on the test classpath")
                .toURI());
    }

    /** The recorded questions: file of the answer, user, path (tab-separated, one a line). */
    private static List<Request> requests(Path expected) throws IOException {
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(expected.resolve("requests.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            requests.add(new Request(fields[0], Objects.requireNonNull(USERS.get(fields[1]), fields[1]), fields[2]));
        }
        assertThat(requests).hasSizeGreaterThan(10);
        return requests;
    }

    private static JsonNode read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static JsonNode json(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private record Request(String file, Map<String, String> user, String path) {}
}
