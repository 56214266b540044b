package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentId;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.StatusChange;
import org.cetdialogue.tracker.api.funding.Money;

/**
 * The HTTP request bodies: gateway records validated with Jakarta validation, then mapped to commands. None carries
 * an author, a timestamp, an event id or a version: those come from the principal, the store and {@code If-Match}.
 */
public final class Requests {

    private Requests() {}

    public record PartyRequest(
            @NotBlank @Size(max = 200) String nameEn,
            @NotBlank @Size(max = 200) String nameKo,
            @NotNull Country country,
            @NotNull PartyRole role) {

        Party toParty() {
            return new Party(nameEn, nameKo, country, role);
        }
    }

    /** A new commitment; {@code kind} MOU proposes an MOU (and {@code announcedOn} is the day it was proposed). */
    public record ProposeCommitmentRequest(
            @NotNull @Pattern(regexp = CommitmentId.PATTERN, message = "3 to 80 lower-case letters, digits or hyphens")
            String commitmentId,

            @NotNull Area area,
            @NotNull CommitmentKind kind,
            @NotBlank @Size(max = 300) String titleEn,
            @NotBlank @Size(max = 300) String titleKo,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull PartyRequest> parties,
            @Size(max = 500) String sourceCitation,
            LocalDate targetDate,
            @NotNull LocalDate announcedOn) {

        List<Party> partyList() {
            return parties.stream().map(PartyRequest::toParty).toList();
        }
    }

    public record SignMouRequest(@NotNull LocalDate signedOn) {}

    public record LaunchProgramRequest(
            @NotNull LocalDate launchedOn, @Size(max = 2000) String note) {}

    public record RecordMilestoneRequest(
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate achievedOn) {}

    /** A funding fact: the amount in the currency's minor units at most ("10000000.00" USD, "5000000" KRW). */
    public record FundingRequest(
            @NotBlank @Size(max = 200) String funder,
            @NotNull @Digits(integer = 16, fraction = 4) BigDecimal amount,
            @NotNull @Size(min = 3, max = 3) String currency,
            Boolean lowerBound,
            @NotNull LocalDate valueDate) {

        /** {@code lowerBound} is optional: true for a figure announced as a minimum ("US$10M+"). */
        Money money() {
            return new Money(amount, currency, Boolean.TRUE.equals(lowerBound));
        }
    }

    public record ChangeStatusRequest(
            @NotNull StatusChange change,
            @NotNull LocalDate effectiveOn,
            @Size(max = 2000) String reason) {}

    public record CompleteCommitmentRequest(
            @NotNull LocalDate completedOn,
            @Size(max = 2000) String note) {}

    public record CancelCommitmentRequest(
            @NotNull LocalDate cancelledOn,
            @NotBlank @Size(max = 2000) String reason) {}

    /** Corrects the event at {@code correctedSequence}; give only the fields that change. */
    public record CorrectEntryRequest(
            @NotNull @PositiveOrZero Long correctedSequence,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveOn,
            @Digits(integer = 16, fraction = 4) BigDecimal amount,
            @Size(min = 3, max = 3) String currency,
            Boolean lowerBound,
            @Size(max = 300) String titleEn,
            @Size(max = 300) String titleKo) {

        CorrectedFields correction() {
            Money money = null;
            if (amount != null || currency != null) {
                if (amount == null || currency == null) {
                    throw new IllegalArgumentException("a corrected amount needs both amount and currency");
                }
                money = new Money(amount, currency, Boolean.TRUE.equals(lowerBound));
            }
            return new CorrectedFields(effectiveOn, money, titleEn, titleKo);
        }
    }
}
