package org.cetdialogue.tracker.gateway.stream;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A user asked for one stream more than the cap allows: 429, as a problem detail. */
public class TooManyStreamsException extends ErrorResponseException {

    public TooManyStreamsException(int maxPerUser) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(maxPerUser), null);
    }

    private static ProblemDetail problem(int maxPerUser) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "You hold " + maxPerUser + " open streams, the most allowed; close one before opening another.");
        problem.setTitle("Too many open streams");
        problem.setType(URI.create("urn:cet-tracker:problem:too-many-streams"));
        problem.setProperty("maxStreamsPerUser", maxPerUser);
        return problem;
    }
}
