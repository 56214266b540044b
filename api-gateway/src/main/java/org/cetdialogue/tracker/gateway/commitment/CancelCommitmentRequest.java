package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CancelCommitmentCommand;

public record CancelCommitmentRequest(
        @NotNull LocalDate cancelledOn,
        @NotNull @VisibleText @Size(max = 2000) String reason) implements CommitmentRequest {

    @Override
    public CancelCommitmentCommand toCommand(String commitmentId, Long expectedVersion) {
        return new CancelCommitmentCommand(commitmentId, cancelledOn, reason, expectedVersion);
    }
}
