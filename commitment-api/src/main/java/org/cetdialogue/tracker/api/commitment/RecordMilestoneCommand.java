package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a milestone reached on {@code achievedOn}. */
public record RecordMilestoneCommand(
        @TargetAggregateIdentifier String commitmentId,
        String description,
        LocalDate achievedOn,
        @TargetAggregateVersion Long expectedVersion) {

    public RecordMilestoneCommand {
        requireText(description, "description", 2000);
        Objects.requireNonNull(achievedOn, "achievedOn is required");
    }
}
