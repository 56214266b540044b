package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The event that opens a commitment: an MOU proposal or the announcement of any other kind of commitment. Both take
 * the same path everywhere (the write side, the projections, the as-of fold, the audit index); an MOU proposal differs
 * only in its {@link #kind()}.
 */
public sealed interface ProposalEvent extends CommitmentEvent permits CommitmentProposedEvent, MouProposedEvent {

    Area area();

    CommitmentKind kind();

    String titleEn();

    String titleKo();

    List<Party> parties();

    String sourceCitation();

    LocalDate targetDate();

    @Override
    default LifecycleStep lifecycleStep() {
        return LifecycleStep.PROPOSE;
    }

    @Override
    default Optional<CorrectableEntry> correctableEntry() {
        return Optional.of(CorrectableEntry.proposal(this));
    }
}
