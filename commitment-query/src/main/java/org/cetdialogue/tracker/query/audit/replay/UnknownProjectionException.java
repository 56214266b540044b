package org.cetdialogue.tracker.query.audit.replay;

/** A replay was asked of a projection that does not exist. */
public class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String message) {
        super(message);
    }
}
