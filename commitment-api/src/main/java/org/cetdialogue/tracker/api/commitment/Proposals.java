package org.cetdialogue.tracker.api.commitment;

import java.util.List;

/** Checks shared by the two proposal commands. */
final class Proposals {

    static final int MAX_PARTIES = 20;

    private Proposals() {}

    static List<Party> requireParties(List<Party> parties) {
        if (parties == null || parties.isEmpty()) {
            throw new IllegalArgumentException("at least one party is required");
        }
        if (parties.size() > MAX_PARTIES) {
            throw new IllegalArgumentException("at most " + MAX_PARTIES + " parties");
        }
        if (parties.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("parties may not contain null");
        }
        return List.copyOf(parties);
    }
}
