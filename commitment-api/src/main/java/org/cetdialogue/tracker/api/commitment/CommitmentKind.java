package org.cetdialogue.tracker.api.commitment;

/** What sort of undertaking a commitment is. MOUs alone are signed. */
public enum CommitmentKind {
    MOU,
    PROGRAM,
    JOINT_RESEARCH,
    FORUM,
    COOPERATION,
    POLICY
}
