package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.CompleteCommitmentCommand;

public record CompleteCommitmentRequest(
        @NotNull LocalDate completedOn, @Size(max = 2000) String note) implements CommitmentRequest {

    @Override
    public CompleteCommitmentCommand toCommand(String commitmentId, Long expectedVersion) {
        return new CompleteCommitmentCommand(commitmentId, completedOn, note, expectedVersion);
    }
}
