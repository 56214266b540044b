package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.optionalText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that the work of a commitment was launched on {@code launchedOn}. */
public record LaunchProgramCommand(
        @TargetAggregateIdentifier String commitmentId,
        LocalDate launchedOn,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    public LaunchProgramCommand {
        Objects.requireNonNull(launchedOn, "launchedOn is required");
        optionalText(note, "note", 2000);
    }
}
