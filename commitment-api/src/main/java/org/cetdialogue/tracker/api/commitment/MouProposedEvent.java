package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The parties declared on {@code proposedOn} that they will conclude an MOU. */
@Revision("1")
public record MouProposedEvent(
        String commitmentId,
        Area area,
        String titleEn,
        String titleKo,
        List<Party> parties,
        String sourceCitation,
        LocalDate targetDate,
        LocalDate proposedOn)
        implements ProposalEvent {

    @Override
    public LocalDate effectiveOn() {
        return proposedOn;
    }

    /** An MOU proposal is a proposal of an MOU: the one thing that sets it apart from the other proposals. */
    @Override
    public CommitmentKind kind() {
        return CommitmentKind.MOU;
    }

    @Override
    public String summary() {
        return "MOU proposed: " + titleEn;
    }
}
