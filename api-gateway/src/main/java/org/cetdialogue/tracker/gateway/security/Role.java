package org.cetdialogue.tracker.gateway.security;

/** What a user may do: secretariat staff write, auditors read everything, viewers read projections. */
public enum Role {
    SECRETARIAT,
    AUDITOR,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
