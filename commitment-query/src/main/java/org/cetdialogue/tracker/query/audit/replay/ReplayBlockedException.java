package org.cetdialogue.tracker.query.audit.replay;

/**
 * A replay could not start now: another instance sharing the token store held the processor's segments and did not
 * release them within the wait. Whatever this instance had stopped for it runs again.
 */
public class ReplayBlockedException extends RuntimeException {

    public ReplayBlockedException(String message) {
        super(message);
    }
}
