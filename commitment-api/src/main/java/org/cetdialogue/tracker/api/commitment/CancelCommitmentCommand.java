package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that a commitment was abandoned; the reason is required. */
public record CancelCommitmentCommand(
        @TargetAggregateIdentifier String commitmentId,
        LocalDate cancelledOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public CancelCommitmentCommand {
        Objects.requireNonNull(cancelledOn, "cancelledOn is required");
        requireText(reason, "reason", 2000);
    }
}
