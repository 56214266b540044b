package org.cetdialogue.tracker.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.query.TestEvents.recordedAt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentCancelledEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentResumedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.query.CommitmentHistory;
import org.cetdialogue.tracker.api.query.FindCommitmentHistoryQuery;
import org.cetdialogue.tracker.api.query.HistoryEntry;
import org.cetdialogue.tracker.query.TestDatabase;
import org.cetdialogue.tracker.query.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryProjectionTest {

    private static final String ID = "quantum-mou";
    private static final LocalDate SIGNED_ON = LocalDate.of(2025, 11, 20);

    private TestDatabase database;
    private HistoryProjection projection;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated();
        projection = new HistoryProjection(database.jdbcClient());
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    /** The event at {@code sequence} as Axon delivers it, with the audit metadata its command carried. */
    private static GenericDomainEventMessage<CommitmentEvent> message(
            long sequence, CommitmentEvent event, String username, String side, String reason) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.USERNAME, username);
        metaData.put(AuditMetadata.SIDE, side);
        metaData.put(AuditMetadata.CORRELATION_ID, "corr-" + sequence);
        if (reason != null) {
            metaData.put(AuditMetadata.REASON, reason);
        }
        return new GenericDomainEventMessage<>(
                "Commitment",
                event.commitmentId(),
                sequence,
                event,
                metaData,
                "event-" + event.commitmentId() + "-" + sequence,
                recordedAt(sequence));
    }

    private static GenericDomainEventMessage<CommitmentEvent> message(long sequence, CommitmentEvent event) {
        return message(sequence, event, "us-editor", "US", null);
    }

    private void apply(GenericDomainEventMessage<CommitmentEvent> message) {
        projection.on(message.getPayload(), message);
    }

    private void given(CommitmentEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            apply(message(sequence, events[sequence]));
        }
    }

    private List<HistoryEntry> history() {
        CommitmentHistory history = projection.handle(new FindCommitmentHistoryQuery(ID));
        assertThat(history.commitmentId()).isEqualTo(ID);
        return history.entries();
    }

    private static MouProposedEvent mou() {
        return TestEvents.mou(ID, Area.QUANTUM);
    }

    @Test
    void entriesRecordWhatWhenWhoAndWhy() {
        MouProposedEvent proposal = mou();
        apply(message(0, proposal, "us-editor", "US", null));
        apply(message(1, new MouSignedEvent(ID, SIGNED_ON), "rok-editor", "ROK", "signed in Seoul"));

        assertThat(history())
                .containsExactly(
                        new HistoryEntry(
                                0,
                                "event-quantum-mou-0",
                                "MouProposedEvent",
                                "MOU proposed: " + proposal.titleEn(),
                                TestEvents.ANNOUNCED_ON,
                                recordedAt(0),
                                "us-editor",
                                "US",
                                null,
                                "corr-0",
                                null),
                        new HistoryEntry(
                                1,
                                "event-quantum-mou-1",
                                "MouSignedEvent",
                                "MOU signed on 2025-11-20",
                                SIGNED_ON,
                                recordedAt(1),
                                "rok-editor",
                                "ROK",
                                "signed in Seoul",
                                "corr-1",
                                null));
    }

    @Test
    void entriesAreInSequenceOrder() {
        given(
                mou(),
                new MouSignedEvent(ID, SIGNED_ON),
                new ProgramLaunchedEvent(ID, LocalDate.of(2026, 1, 15), "first call"),
                new MilestoneRecordedEvent(ID, "first joint workshop", LocalDate.of(2026, 2, 3)));
        apply(message(5, new CommitmentCancelledEvent(ID, LocalDate.of(2026, 4, 1), "superseded")));
        apply(message(
                4, new CommitmentSuspendedEvent(ID, LocalDate.of(2026, 3, 1), LifecycleStatus.LAUNCHED, "review")));

        assertThat(history()).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history())
                .extracting(HistoryEntry::eventType)
                .containsExactly(
                        "MouProposedEvent",
                        "MouSignedEvent",
                        "ProgramLaunchedEvent",
                        "MilestoneRecordedEvent",
                        "CommitmentSuspendedEvent",
                        "CommitmentCancelledEvent");
    }

    @Test
    void summariesSayWhatEachEventRecords() {
        given(
                TestEvents.proposal(ID, Area.QUANTUM, CommitmentKind.JOINT_RESEARCH, null),
                new ProgramLaunchedEvent(ID, LocalDate.of(2026, 1, 15), "first call"),
                new FundingPledgedEvent(ID, "NSF", Money.atLeast("10000000", "USD"), LocalDate.of(2026, 1, 20)),
                new MilestoneRecordedEvent(ID, "first joint workshop", LocalDate.of(2026, 2, 3)),
                new CommitmentSuspendedEvent(ID, LocalDate.of(2026, 3, 1), LifecycleStatus.LAUNCHED, "review"),
                new CommitmentResumedEvent(ID, LocalDate.of(2026, 3, 20), LifecycleStatus.LAUNCHED, "approved"));

        assertThat(history())
                .extracting(HistoryEntry::summary)
                .containsExactly(
                        "Proposed joint research: Title of quantum-mou",
                        "Launched on 2026-01-15: first call",
                        "NSF pledged at least USD 10000000.00 (value date 2026-01-20)",
                        "Milestone reached on 2026-02-03: first joint workshop",
                        "Suspended on 2026-03-01: review",
                        "Resumed on 2026-03-20, back to launched");
        assertThat(history())
                .extracting(HistoryEntry::effectiveOn)
                .containsExactly(
                        TestEvents.ANNOUNCED_ON,
                        LocalDate.of(2026, 1, 15),
                        LocalDate.of(2026, 1, 20),
                        LocalDate.of(2026, 2, 3),
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 20));
    }

    @Test
    void correctionNamesTheCorrectedEventAndShowsBeforeAndAfter() {
        LocalDate corrected = SIGNED_ON.minusDays(2);
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));
        apply(message(
                2,
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "MouSignedEvent",
                        null,
                        new CorrectedFields(SIGNED_ON, null, null, null),
                        new CorrectedFields(corrected, null, null, null),
                        "the ceremony was on the 18th"),
                "rok-editor",
                "ROK",
                "the ceremony was on the 18th"));

        HistoryEntry correction = history().get(2);
        assertThat(correction.eventType()).isEqualTo("EntryCorrectedEvent");
        assertThat(correction.correctedSequence()).isEqualTo(1L);
        assertThat(correction.summary())
                .isEqualTo("Corrected event 1 (MouSignedEvent): effective date 2025-11-20 -> 2025-11-18;"
                        + " reason: the ceremony was on the 18th");
        assertThat(correction.effectiveOn()).isNull();
        assertThat(correction.actor()).isEqualTo("rok-editor");
        assertThat(correction.side()).isEqualTo("ROK");
        assertThat(correction.reason()).isEqualTo("the ceremony was on the 18th");
        assertThat(correction.recordedAt()).isEqualTo(recordedAt(2));
        assertThat(history().get(1).correctedSequence()).isNull();
        assertThat(history().get(1).summary()).isEqualTo("MOU signed on 2025-11-20");
    }

    @Test
    void correctionOfAmountAndTitlesShowsEachChange() {
        MouProposedEvent proposal = mou();
        given(proposal, new FundingPledgedEvent(ID, "NSF", Money.of("10000000", "USD"), SIGNED_ON));
        apply(message(
                2,
                new EntryCorrectedEvent(
                        ID,
                        1,
                        "FundingPledgedEvent",
                        "NSF",
                        new CorrectedFields(null, Money.of("10000000", "USD"), null, null),
                        new CorrectedFields(null, Money.atLeast("12000000", "USD"), null, null),
                        "fact sheet says US$12M+")));
        apply(message(
                3,
                new EntryCorrectedEvent(
                        ID,
                        0,
                        "MouProposedEvent",
                        null,
                        new CorrectedFields(null, null, proposal.titleEn(), proposal.titleKo()),
                        new CorrectedFields(null, null, "Quantum MOU", "양자 양해각서"),
                        "official title")));

        assertThat(history().get(2).summary())
                .isEqualTo("Corrected event 1 (FundingPledgedEvent): amount USD 10000000.00 -> at least USD"
                        + " 12000000.00; reason: fact sheet says US$12M+");
        assertThat(history().get(2).correctedSequence()).isEqualTo(1L);
        assertThat(history().get(3).summary())
                .isEqualTo("Corrected event 0 (MouProposedEvent): English title Title of quantum-mou -> Quantum MOU,"
                        + " Korean title quantum-mou 제목 -> 양자 양해각서; reason: official title");
        assertThat(history().get(3).correctedSequence()).isZero();
    }

    @Test
    void redeliveredEventIsNotDuplicated() {
        GenericDomainEventMessage<CommitmentEvent> signed = message(1, new MouSignedEvent(ID, SIGNED_ON));
        given(mou());
        apply(signed);
        List<HistoryEntry> before = history();

        apply(signed);
        apply(message(0, mou(), "someone-else", "ROK", "replayed"));

        assertThat(history()).isEqualTo(before);
        assertThat(database.count("history_entry")).isEqualTo(2);
    }

    @Test
    void historiesAreKeptPerCommitment() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));
        apply(message(0, TestEvents.program("other", Area.BIOTECHNOLOGY)));

        assertThat(history()).hasSize(2);
        assertThat(projection.handle(new FindCommitmentHistoryQuery("other")).entries())
                .extracting(HistoryEntry::eventType)
                .containsExactly("CommitmentProposedEvent");
    }

    @Test
    void unknownCommitmentHasAnEmptyHistory() {
        given(mou());

        CommitmentHistory history = projection.handle(new FindCommitmentHistoryQuery("unknown"));

        assertThat(history.commitmentId()).isEqualTo("unknown");
        assertThat(history.entries()).isEmpty();
    }

    @Test
    void resetEmptiesIt() {
        given(mou(), new MouSignedEvent(ID, SIGNED_ON));

        projection.reset();

        assertThat(history()).isEmpty();
        assertThat(database.count("history_entry")).isZero();
    }

    @Test
    void axonDeliversTheEventWithItsMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(message(0, mou(), "us-editor", "US", "from the fact sheet"));

        assertThat(history()).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo("event-quantum-mou-0");
            assertThat(entry.recordedAt()).isEqualTo(recordedAt(0));
            assertThat(entry.reason()).isEqualTo("from the fact sheet");
        });
    }
}
