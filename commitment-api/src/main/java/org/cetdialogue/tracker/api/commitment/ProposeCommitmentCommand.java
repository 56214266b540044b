package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.optionalText;
import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a new commitment other than an MOU (MOUs start with {@link ProposeMouCommand}). */
public record ProposeCommitmentCommand(
        @TargetAggregateIdentifier String commitmentId,
        Area area,
        CommitmentKind kind,
        String titleEn,
        String titleKo,
        List<Party> parties,
        String sourceCitation,
        LocalDate targetDate,
        LocalDate announcedOn) {

    public ProposeCommitmentCommand {
        CommitmentId.require(commitmentId);
        Objects.requireNonNull(area, "area is required");
        Objects.requireNonNull(kind, "kind is required");
        if (kind == CommitmentKind.MOU) {
            throw new IllegalArgumentException("an MOU is proposed with ProposeMouCommand");
        }
        requireText(titleEn, "titleEn", 300);
        requireText(titleKo, "titleKo", 300);
        parties = Proposals.requireParties(parties);
        optionalText(sourceCitation, "sourceCitation", 500);
        Objects.requireNonNull(announcedOn, "announcedOn is required");
    }
}
