package org.cetdialogue.tracker.api.commitment;

/** The part an institution plays in a commitment. */
public enum PartyRole {
    SIGNATORY,
    LEAD,
    PARTNER,
    FUNDER
}
