package org.cetdialogue.tracker.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;

/** An institution named in a proposal. */
public record PartyRequest(
        @NotNull @VisibleText @Size(max = 200) String nameEn,
        @NotNull @VisibleText @Size(max = 200) String nameKo,
        @NotNull Country country,
        @NotNull PartyRole role) {

    public static PartyRequest of(Party party) {
        return new PartyRequest(party.nameEn(), party.nameKo(), party.country(), party.role());
    }

    Party toParty() {
        return new Party(nameEn, nameKo, country, role);
    }
}
