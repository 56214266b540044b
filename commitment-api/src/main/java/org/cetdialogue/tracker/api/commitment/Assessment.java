package org.cetdialogue.tracker.api.commitment;

/** How far a commitment has got, on the Open Government Partnership's completion scale. */
public enum Assessment {
    NOT_STARTED,
    LIMITED,
    SUBSTANTIAL,
    COMPLETE
}
