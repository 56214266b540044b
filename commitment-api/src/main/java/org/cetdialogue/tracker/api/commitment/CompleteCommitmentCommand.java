package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.optionalText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that a commitment was fulfilled on {@code completedOn}. */
public record CompleteCommitmentCommand(
        @TargetAggregateIdentifier String commitmentId,
        LocalDate completedOn,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    public CompleteCommitmentCommand {
        Objects.requireNonNull(completedOn, "completedOn is required");
        optionalText(note, "note", 2000);
    }
}
