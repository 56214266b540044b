package org.cetdialogue.tracker.gateway.stream;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many streams opening at once: this one's turn did not come in time. 503 with {@code Retry-After}. */
public class StreamsBusyException extends ErrorResponseException {

    public StreamsBusyException(Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(waited), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem(Duration waited) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Too many streams are opening at once; this one waited " + waited.toSeconds()
                        + " s for its turn. Retry in 1 s.");
        problem.setTitle("Streams busy");
        problem.setType(URI.create("urn:cet-tracker:problem:streams-busy"));
        return problem;
    }
}
