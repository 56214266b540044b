package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerClient.ROK_SECRETARIAT;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.time.Duration;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;

/** Commitments the audit tests record over HTTP. */
final class AuditFixtures {

    private AuditFixtures() {}

    /**
     * An MOU proposed on 2024-01-10 and signed on 2024-03-01 by the US side, USD 2,500,000 pledged by the ROK side,
     * then corrected to 2,600,000 (four events, sequences 0 to 3).
     */
    static void proposeSignPledgeAndCorrect(TrackerClient client, String id) {
        propose(client, id, "QUANTUM");
        expectOk(client.post(
                US_SECRETARIAT,
                "/api/commitments/" + id + "/signature",
                "{\"signedOn\":\"2024-03-01\"}",
                "X-Correlation-Id",
                "audit-sign-1"));
        pledge(client, id, "2500000.00");
        expectOk(client.post(
                ROK_SECRETARIAT,
                "/api/commitments/" + id + "/corrections",
                "{\"correctedSequence\":2,\"reason\":\"the pledge was 2.6 million\",\"amount\":\"2600000.00\","
                        + "\"currency\":\"USD\"}"));
    }

    static void propose(TrackerClient client, String id, String area) {
        expectOk(client.post(US_SECRETARIAT, "/api/commitments", """
                {"commitmentId":"%s","area":"%s","kind":"MOU",
                 "titleEn":"Audit test MOU","titleKo":"감사 시험 양해각서",
                 "parties":[{"nameEn":"NIST","nameKo":"미국 국립표준기술연구소","country":"US","role":"SIGNATORY"},
                            {"nameEn":"KRISS","nameKo":"한국표준과학연구원","country":"ROK","role":"SIGNATORY"}],
                 "announcedOn":"2024-01-10"}
                """.formatted(id, area)));
    }

    static void pledge(TrackerClient client, String id, String amount) {
        expectOk(client.post(
                ROK_SECRETARIAT,
                "/api/commitments/" + id + "/funding/pledges",
                "{\"funder\":\"MSIT\",\"amount\":\"" + amount
                        + "\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}"));
    }

    static void expectOk(TrackerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    /** Waits until the hash chain holds every stored event. */
    static void awaitChained(RunningTracker tracker) {
        TrackerClient client = tracker.client();
        long stored = tracker.storedEvents();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(AUDITOR, "/api/audit/verification")
                                .json()
                                .get("checkedEvents")
                                .asLong()
                        == stored);
    }
}
