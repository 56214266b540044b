package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentId;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;

/**
 * A new commitment; {@code kind} MOU proposes an MOU (and {@code announcedOn} is the day it was proposed). Like every
 * request body, it carries no author, timestamp, event id or version: those come from the principal, the store and
 * {@code If-Match}.
 */
public record ProposeCommitmentRequest(
        @NotNull @Pattern(regexp = CommitmentId.PATTERN, message = "3 to 80 lower-case letters, digits or hyphens")
        String commitmentId,

        @NotNull Area area,
        @NotNull CommitmentKind kind,
        @NotNull @VisibleText @Size(max = 300) String titleEn,
        @NotNull @VisibleText @Size(max = 300) String titleKo,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull PartyRequest> parties,
        @Size(max = 500) String sourceCitation,
        LocalDate targetDate,
        @NotNull LocalDate announcedOn) {

    /** The one place that chooses between the two proposals: an MOU starts with its own command. */
    public Object toCommand() {
        List<Party> partyList = parties.stream().map(PartyRequest::toParty).toList();
        return kind == CommitmentKind.MOU
                ? new ProposeMouCommand(
                        commitmentId, area, titleEn, titleKo, partyList, sourceCitation, targetDate, announcedOn)
                : new ProposeCommitmentCommand(
                        commitmentId, area, kind, titleEn, titleKo, partyList, sourceCitation, targetDate, announcedOn);
    }
}
