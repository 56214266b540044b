package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.RecordMilestoneCommand;

public record RecordMilestoneRequest(
        @NotNull @VisibleText @Size(max = 2000) String description,
        @NotNull LocalDate achievedOn) implements CommitmentRequest {

    @Override
    public RecordMilestoneCommand toCommand(String commitmentId, Long expectedVersion) {
        return new RecordMilestoneCommand(commitmentId, description, achievedOn, expectedVersion);
    }
}
