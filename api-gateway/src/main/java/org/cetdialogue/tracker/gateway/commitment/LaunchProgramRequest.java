package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;

public record LaunchProgramRequest(
        @NotNull LocalDate launchedOn, @Size(max = 2000) String note) implements CommitmentRequest {

    @Override
    public LaunchProgramCommand toCommand(String commitmentId, Long expectedVersion) {
        return new LaunchProgramCommand(commitmentId, launchedOn, note, expectedVersion);
    }
}
