package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;

public record SignMouRequest(@NotNull LocalDate signedOn) implements CommitmentRequest {

    @Override
    public SignMouCommand toCommand(String commitmentId, Long expectedVersion) {
        return new SignMouCommand(commitmentId, signedOn, expectedVersion);
    }
}
