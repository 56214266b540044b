package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A commitment other than an MOU was announced on {@code announcedOn}. */
@Revision("1")
public record CommitmentProposedEvent(
        String commitmentId,
        Area area,
        CommitmentKind kind,
        String titleEn,
        String titleKo,
        List<Party> parties,
        String sourceCitation,
        LocalDate targetDate,
        LocalDate announcedOn)
        implements ProposalEvent {

    @Override
    public LocalDate effectiveOn() {
        return announcedOn;
    }

    @Override
    public String summary() {
        return "Proposed " + kind.name().toLowerCase().replace('_', ' ') + ": " + titleEn;
    }
}
