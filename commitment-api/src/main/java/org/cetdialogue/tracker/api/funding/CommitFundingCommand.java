package org.cetdialogue.tracker.api.funding;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that {@code funder} has committed {@code amount}, with its value date. */
public record CommitFundingCommand(
        @TargetAggregateIdentifier String commitmentId,
        String funder,
        Money amount,
        LocalDate valueDate,
        @TargetAggregateVersion Long expectedVersion) {

    public CommitFundingCommand {
        requireText(funder, "funder", 200);
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(valueDate, "valueDate is required");
    }
}
