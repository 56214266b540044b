package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.optionalText;
import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a memorandum of understanding that the parties intend to conclude. */
public record ProposeMouCommand(
        @TargetAggregateIdentifier String commitmentId,
        Area area,
        String titleEn,
        String titleKo,
        List<Party> parties,
        String sourceCitation,
        LocalDate targetDate,
        LocalDate proposedOn) {

    public ProposeMouCommand {
        CommitmentId.require(commitmentId);
        Objects.requireNonNull(area, "area is required");
        requireText(titleEn, "titleEn", 300);
        requireText(titleKo, "titleKo", 300);
        parties = Proposals.requireParties(parties);
        optionalText(sourceCitation, "sourceCitation", 500);
        Objects.requireNonNull(proposedOn, "proposedOn is required");
    }
}
