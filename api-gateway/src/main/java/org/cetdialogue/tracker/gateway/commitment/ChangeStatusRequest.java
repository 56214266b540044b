package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.StatusChange;

public record ChangeStatusRequest(
        @NotNull StatusChange change,
        @NotNull LocalDate effectiveOn,
        @Size(max = 2000) String reason) implements CommitmentRequest {

    @Override
    public ChangeStatusCommand toCommand(String commitmentId, Long expectedVersion) {
        return new ChangeStatusCommand(commitmentId, change, effectiveOn, reason, expectedVersion);
    }
}
