package org.cetdialogue.tracker.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.gateway.commitment.FundingRequest;
import org.cetdialogue.tracker.gateway.commitment.PartyRequest;
import org.cetdialogue.tracker.gateway.commitment.ProposeCommitmentRequest;

/** The fact sheet as data: {@code seed/fact-sheet-2023-12-08.json}. */
record FactSheet(String source, List<SeedCommitment> commitments) {

    record SeedCommitment(
            String commitmentId,
            Area area,
            CommitmentKind kind,
            String titleEn,
            String titleKo,
            List<Party> parties,
            String sourceCitation,
            LocalDate announcedOn,
            LocalDate targetDate,
            LocalDate signedOn,
            List<SeedPledge> pledges,
            String notes) {

        /** The proposal as the API receives it. */
        ProposeCommitmentRequest proposal() {
            return new ProposeCommitmentRequest(
                    commitmentId,
                    area,
                    kind,
                    titleEn,
                    titleKo,
                    parties.stream().map(PartyRequest::of).toList(),
                    sourceCitation,
                    targetDate,
                    announcedOn);
        }
    }

    record SeedPledge(String funder, BigDecimal amount, String currency, boolean lowerBound, LocalDate valueDate) {

        /** The pledge as the API receives it. */
        FundingRequest request() {
            return new FundingRequest(funder, amount, currency, lowerBound, valueDate);
        }
    }
}
