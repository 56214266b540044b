package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cetdialogue.tracker.support.BrowserSession;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SseStream;
import org.cetdialogue.tracker.support.SseStream.Event;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live streams over HTTP on the running tracker: initial state, updates, resumption, freshness, limits. */
class LiveStreamsHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;
    static TrackerClient client;
    static String base;

    @BeforeAll
    static void start() {
        tracker =
                RunningTracker.start(dataDirectory, "tracker.stream.heartbeat=300ms", "tracker.stream.max-per-user=3");
        client = tracker.client();
        base = client.baseUrl();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(VIEWER, "/api/commitments")
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
    void areasStreamStartsWithTheSevenAreasThenSendsTheChangeAfterAMilestone() {
        try (SseStream stream = SseStream.open(base, "/api/stream/areas", SseStream.basic(VIEWER))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            Event initial = stream.next("areas", WAIT);
            JsonNode message = initial.json();
            assertThat(message.get("data").get("areas")).hasSize(7);
            assertThat(message.get("rebuilding").asBoolean()).isFalse();
            assertThat(message.get("position").asLong()).isPositive();
            assertThat(message.get("lag").asLong()).isGreaterThanOrEqualTo(0);
            String recordedBefore = lastRecorded(message.get("data"), "QUANTUM");

            record(
                    "quantum-qedc-kqia-multilateral-cooperation",
                    "milestones",
                    "{\"description\": \"Joint workshop\", \"achievedOn\": \"2024-05-02\"}");

            JsonNode update = stream.next(
                            event -> "areas".equals(event.event())
                                    && !lastRecorded(event.json().get("data"), "QUANTUM")
                                            .equals(recordedBefore),
                            WAIT)
                    .json();
            assertThat(update.get("position").asLong())
                    .isGreaterThan(message.get("position").asLong());
        }
    }

    @Test
    void fundingStreamOfOneAreaSendsItsNewTotalsAfterAPledge() {
        try (SseStream stream =
                SseStream.open(base, "/api/stream/funding?area=BATTERIES_CLEAN_ENERGY", SseStream.basic(AUDITOR))) {
            JsonNode initial = stream.next("funding", WAIT).json().get("data");
            BigDecimal before = pledged(initial, "KRW");

            record(
                    "battery-sandia-kesco-bess-safety-mou",
                    "funding/pledges",
                    "{\"funder\": \"KESCO\", \"amount\": \"1500000000\", \"currency\": \"KRW\","
                            + " \"valueDate\": \"2024-05-01\"}");

            JsonNode update = stream.next("funding", WAIT).json().get("data");
            assertThat(pledged(update, "KRW")).isEqualByComparingTo(before.add(new BigDecimal("1500000000")));
            update.get("byArea")
                    .forEach(line -> assertThat(line.get("area").asText()).isEqualTo("BATTERIES_CLEAN_ENERGY"));
        }
    }

    @Test
    void commitmentStreamSendsTheViewThenEachChange() {
        String id = "ai-nist-kats-technical-standards-mou";
        try (SseStream stream = SseStream.open(base, "/api/stream/commitments/" + id, SseStream.basic(VIEWER))) {
            JsonNode initial = stream.next("commitment", WAIT).json().get("data");
            assertThat(initial.get("commitmentId").asText()).isEqualTo(id);
            assertThat(initial.get("parties").size()).isPositive();

            record(id, "milestones", "{\"description\": \"Draft test method\", \"achievedOn\": \"2024-07-01\"}");

            JsonNode update = stream.next("commitment", WAIT).json().get("data");
            assertThat(update.get("version").asLong())
                    .isEqualTo(initial.get("version").asLong() + 1);
            assertThat(update.get("milestones").findValuesAsText("description")).contains("Draft test method");
        }
    }

    @Test
    void activityStreamResumesFromLastEventIdWithNoGapAndNoDuplicate() {
        String id = "digital-cloud-infrastructure-rd";
        String lastSeen;
        try (SseStream first = SseStream.open(base, "/api/stream/activity", SseStream.basic(VIEWER))) {
            Event recent = first.next("activity", WAIT);
            assertThat(recent.id()).isEqualTo(recent.json().at("/data/position").asText());
            record(id, "milestones", "{\"description\": \"Seen live\", \"achievedOn\": \"2024-02-01\"}");
            Event live = first.next(
                    event -> event.json().at("/data/summary").asText().contains("Seen live"), WAIT);
            assertThat(live.json().at("/data/actor").asText()).isEqualTo("us-secretariat");
            assertThat(live.json().at("/data/side").asText()).isEqualTo("US");
            lastSeen = live.id();
        } // the connection drops here

        for (int i = 1; i <= 3; i++) {
            record(
                    id,
                    "milestones",
                    "{\"description\": \"Missed " + i + "\", \"achievedOn\": \"2024-02-0" + (i + 1) + "\"}");
        }
        await().atMost(WAIT).until(() -> activityAfter(Long.parseLong(lastSeen)).size() >= 3);

        try (SseStream resumed = SseStream.open(
                base,
                "/api/stream/activity",
                SseStream.basic(VIEWER)[0],
                SseStream.basic(VIEWER)[1],
                "Last-Event-ID",
                lastSeen)) {
            List<Long> expected = activityAfter(Long.parseLong(lastSeen));
            List<Long> received = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                received.add(Long.parseLong(resumed.next("activity", WAIT).id()));
            }
            assertThat(received).isEqualTo(expected);

            record(id, "milestones", "{\"description\": \"After resuming\", \"achievedOn\": \"2024-02-10\"}");
            Event next = resumed.next("activity", WAIT);
            assertThat(next.json().at("/data/summary").asText()).contains("After resuming");
            assertThat(Long.parseLong(next.id())).isGreaterThan(received.get(received.size() - 1));
            // nothing was sent twice: no further activity event arrives while heartbeats keep coming
            List<Event> rest = resumed.drain(Duration.ofSeconds(1));
            assertThat(rest).noneMatch(event -> "activity".equals(event.event()));
            assertThat(resumed.heartbeats()).isPositive();
        }
    }

    @Test
    void theDashboardStreamCarriesAreasFundingAndActivityOnOneConnectionAndResumesTheFeed() {
        String id = "digital-cloud-infrastructure-rd";
        Map<String, String> user = Map.of("auditor", "auditor-demo");
        String lastSeen;
        try (SseStream stream = SseStream.open(base, "/api/stream/dashboard", SseStream.basic(user))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("areas", WAIT).json().at("/data/areas")).hasSize(7);
            assertThat(stream.next("funding", WAIT).json().at("/data/byArea").isArray())
                    .isTrue();
            assertThat(stream.next("activity", WAIT).id()).isNotBlank();
            // the three views hold one of the user's slots, not three
            assertThat(tracker.bean(StreamLimiter.class).openStreams("auditor")).isEqualTo(1);

            record(
                    id,
                    "funding/pledges",
                    "{\"funder\": \"MSIT\", \"amount\": \"700000000\", \"currency\": \"KRW\","
                            + " \"valueDate\": \"2024-05-01\"}");
            // the funding and activity projections are separate processors: the new totals may come before the
            // feed's entry, so the funding events passed while waiting for the entry are kept
            List<Long> fundingPositions = new CopyOnWriteArrayList<>();
            Event pledge = stream.next(
                    event -> {
                        if ("funding".equals(event.event())) {
                            fundingPositions.add(event.json().get("position").asLong());
                        }
                        return "activity".equals(event.event())
                                && "MSIT"
                                        .equals(event.json()
                                                .at("/data/details/funder")
                                                .asText());
                    },
                    WAIT);
            // the event's own fields, for a page to word in its language
            assertThat(pledge.json().at("/data/details/amount/currency").asText())
                    .isEqualTo("KRW");
            assertThat(pledge.json().at("/data/details/valueDate").asText()).isEqualTo("2024-05-01");
            long pledged = pledge.json().get("position").asLong();
            if (fundingPositions.stream().noneMatch(position -> position >= pledged)) {
                stream.next(
                        event -> "funding".equals(event.event())
                                && event.json().get("position").asLong() >= pledged,
                        WAIT);
            }
            lastSeen = pledge.id();
        }
        await().atMost(WAIT).until(() -> tracker.bean(StreamLimiter.class).openStreams("auditor") == 0);

        record(id, "milestones", "{\"description\": \"Missed while away\", \"achievedOn\": \"2024-02-11\"}");
        await().atMost(WAIT)
                .until(() -> !activityAfter(Long.parseLong(lastSeen)).isEmpty());
        try (SseStream resumed =
                SseStream.open(base, "/api/stream/dashboard?lastEventId=" + lastSeen, SseStream.basic(user))) {
            // areas and funding start afresh from the current state (the areas come first), the feed where it left
            assertThat(resumed.next("areas", WAIT).json().at("/data/areas")).hasSize(7);
            List<Long> expected = activityAfter(Long.parseLong(lastSeen));
            List<Long> received = new ArrayList<>();
            while (received.size() < expected.size()) {
                received.add(Long.parseLong(resumed.next("activity", WAIT).id()));
            }
            assertThat(received).isEqualTo(expected);
        }
    }

    @Test
    void aStreamBeyondTheUsersCapIsRefusedWith429UntilOneCloses() {
        Map<String, String> user = Map.of("rok-secretariat", "rok-secretariat-demo");
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                SseStream stream = SseStream.open(base, "/api/stream/areas", SseStream.basic(user));
                assertThat(stream.status()).isEqualTo(200);
                stream.next("areas", WAIT);
                open.add(stream);
            }
            SseStream refused = SseStream.open(base, "/api/stream/areas", SseStream.basic(user));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.problem().get("maxStreamsPerUser").asInt()).isEqualTo(3);

            // another user is not affected
            try (SseStream other = SseStream.open(base, "/api/stream/areas", SseStream.basic(AUDITOR))) {
                assertThat(other.status()).isEqualTo(200);
            }

            open.remove(0).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseStream again = SseStream.open(base, "/api/stream/areas", SseStream.basic(user))) {
                    assertThat(again.status()).isEqualTo(200);
                }
            });
        } finally {
            open.forEach(SseStream::close);
        }
    }

    @Test
    void streamsRefuseBadRequestsWithProblems() {
        try (SseStream anonymous = SseStream.open(base, "/api/stream/areas")) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (SseStream unknown =
                SseStream.open(base, "/api/stream/commitments/no-such-commitment", SseStream.basic(VIEWER))) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        }
        try (SseStream badId = SseStream.open(
                base,
                "/api/stream/activity",
                SseStream.basic(VIEWER)[0],
                SseStream.basic(VIEWER)[1],
                "Last-Event-ID",
                "yesterday")) {
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.problem().get("detail").asText()).contains("Last-Event-ID");
        }
        try (SseStream badArea = SseStream.open(base, "/api/stream/funding?area=MARS", SseStream.basic(VIEWER))) {
            assertThat(badArea.status()).isEqualTo(400);
        }
    }

    @Test
    void everyProjectionReadStatesItsPositionAndLag() {
        long head = tracker.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        for (String path : List.of(
                "/api/areas",
                "/api/areas/QUANTUM",
                "/api/commitments",
                "/api/commitments/bio-lbnl-kribb-biofoundry-mou",
                "/api/commitments/bio-lbnl-kribb-biofoundry-mou/history",
                "/api/funding")) {
            await().atMost(WAIT).untilAsserted(() -> {
                Response response = client.get(VIEWER, path);
                assertThat(response.status()).as(path).isEqualTo(200);
                long position = Long.parseLong(response.header("X-Projection-Position"));
                long lag = Long.parseLong(response.header("X-Projection-Lag"));
                assertThat(position + lag).as(path).isGreaterThanOrEqualTo(head);
                assertThat(lag).as(path).isZero();
                assertThat(response.header("X-Projection-State")).isEqualTo("current");
            });
        }
    }

    @Test
    void aBrowserSessionMayReadAndStreamButNeverWrite() {
        HttpResponse<String> wrong = BrowserSession.signIn(base, Map.of("viewer", "not-the-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> signedIn = BrowserSession.signIn(base, US_SECRETARIAT);
        assertThat(signedIn.statusCode()).isEqualTo(204);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("TRACKER_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> session = BrowserSession.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Cookie", cookie)
                .build());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"username\":\"us-secretariat\"");

        try (SseStream stream = SseStream.open(base, "/api/stream/areas", "Cookie", cookie)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("areas", WAIT).json().get("data").get("areas"))
                    .hasSize(7);
        }

        long events = tracker.storedEvents();
        HttpResponse<String> write = BrowserSession.send(
                HttpRequest.newBuilder(URI.create(base + "/api/commitments/bio-lbnl-kribb-biofoundry-mou/milestones"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"description\": \"Riding on a cookie\", \"achievedOn\": \"2024-05-01\"}"))
                        .build());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(tracker.storedEvents()).isEqualTo(events);

        HttpResponse<String> signedOut = BrowserSession.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(signedOut.statusCode()).isEqualTo(204);
        HttpResponse<String> after = BrowserSession.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Cookie", cookie)
                .build());
        assertThat(after.statusCode()).isEqualTo(401);
    }

    private static void record(String commitmentId, String what, String json) {
        Response response = client.post(US_SECRETARIAT, "/api/commitments/" + commitmentId + "/" + what, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static List<Long> activityAfter(long position) {
        return tracker.jdbc()
                .queryForList(
                        "SELECT global_position FROM activity_entry WHERE global_position > ? ORDER BY global_position",
                        Long.class,
                        position);
    }

    private static String lastRecorded(JsonNode areas, String area) {
        for (JsonNode node : areas.get("areas")) {
            if (area.equals(node.get("area").asText())) {
                return node.get("lastRecordedAt").asText();
            }
        }
        throw new AssertionError("no area " + area);
    }

    private static BigDecimal pledged(JsonNode totals, String currency) {
        for (JsonNode line : totals.get("byArea")) {
            if (currency.equals(line.get("currency").asText())) {
                return line.at("/totals/pledged/amount").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
