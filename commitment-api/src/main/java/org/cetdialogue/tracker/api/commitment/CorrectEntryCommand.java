package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Corrects an earlier event of the commitment, named by its sequence number. Nothing is deleted: the correction is an
 * event of its own, carrying the reason and the fields before and after.
 */
public record CorrectEntryCommand(
        @TargetAggregateIdentifier String commitmentId,
        long correctedSequence,
        CorrectedFields correction,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public CorrectEntryCommand {
        if (correctedSequence < 0) {
            throw new IllegalArgumentException("correctedSequence must not be negative");
        }
        Objects.requireNonNull(correction, "correction is required");
        if (correction.changesNothing()) {
            throw new IllegalArgumentException("a correction must change at least one field");
        }
        requireText(reason, "reason", 2000);
    }
}
