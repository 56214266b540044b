package org.cetdialogue.tracker.api.funding;

/** Pledged, committed and disbursed are different facts and are never summed together. */
public enum FundingStage {
    PLEDGED,
    COMMITTED,
    DISBURSED
}
