package org.cetdialogue.tracker.api.commitment;

import static org.cetdialogue.tracker.api.commitment.Text.requireText;

import java.util.Objects;

/** An institution named in a commitment, with its name in English and Korean, its country and its role. */
public record Party(String nameEn, String nameKo, Country country, PartyRole role) {

    public Party {
        requireText(nameEn, "party nameEn", 200);
        requireText(nameKo, "party nameKo", 200);
        Objects.requireNonNull(country, "party country is required");
        Objects.requireNonNull(role, "party role is required");
    }
}
