package org.cetdialogue.tracker.gateway.error;

/** A read of something that does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
