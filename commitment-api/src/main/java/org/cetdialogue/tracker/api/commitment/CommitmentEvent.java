package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every event of a commitment. The hierarchy is sealed: the compiler knows every kind of fact, and each event says once,
 * here in the contract, what it means: the date it took effect, the step of the lifecycle it takes, the entry a
 * correction may name and change, and the line the history shows. A new event must answer all four to compile (its
 * branch answers some: a {@link ProposalEvent}, a {@link PastFactEvent} and a {@link FundingEvent} are corrected as
 * such), and {@code CommitmentEventMeaningTest} fails until it is classified there.
 *
 * <p>All events live in this one package because a sealed interface of the unnamed module (the tracker runs on the
 * class path) may permit only classes of its own package. The funding events used to live in {@code …api.funding};
 * their class name is their stored type, and stored events are permanent (the audit chain hashes them), so they carry
 * their former name in {@link StoredAs}, and the stored-message serializer
 * ({@link org.cetdialogue.tracker.api.json.StoredMessageSerializer}) writes and reads that name: what is stored does
 * not change.
 */
public sealed interface CommitmentEvent permits ProposalEvent, PastFactEvent, FundingEvent, EntryCorrectedEvent {

    String commitmentId();

    /** When it happened (business time), as opposed to when it was recorded; null for a correction. */
    LocalDate effectiveOn();

    /** What it does to the commitment's lifecycle. */
    LifecycleStep lifecycleStep();

    /** The entry a correction may name and what it may change there; empty for what cannot be corrected. */
    Optional<CorrectableEntry> correctableEntry();

    /** One line of English that says what it records, for the history. */
    String summary();
}
