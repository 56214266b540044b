package org.cetdialogue.tracker.api.commitment;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that a proposed MOU was signed on {@code signedOn}. */
public record SignMouCommand(
        @TargetAggregateIdentifier String commitmentId,
        LocalDate signedOn,
        @TargetAggregateVersion Long expectedVersion) {

    public SignMouCommand {
        Objects.requireNonNull(signedOn, "signedOn is required");
    }
}
