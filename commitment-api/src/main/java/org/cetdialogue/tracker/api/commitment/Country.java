package org.cetdialogue.tracker.api.commitment;

/** The two sides of the dialogue. Parties, users and events each belong to one. */
public enum Country {
    US,
    ROK
}
