package org.cetdialogue.tracker.gateway.error;

import org.springframework.http.HttpStatus;

/** A request the gateway refuses before any command is sent (a malformed id or header). */
public class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public InvalidRequestException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static InvalidRequestException badRequest(String detail) {
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
