package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.optionalText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves a commitment into implementation, suspends it (reason required) or resumes it. */
public record ChangeStatusCommand(
        @TargetAggregateIdentifier String commitmentId,
        StatusChange change,
        LocalDate effectiveOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeStatusCommand {
        Objects.requireNonNull(change, "change is required");
        Objects.requireNonNull(effectiveOn, "effectiveOn is required");
        optionalText(reason, "reason", 2000);
    }
}
