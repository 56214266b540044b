package org.cetdialogue.tracker.gateway.commitment;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write refused before it ran because too many writes wait already (on its commitment or in all), or because its
 * turn did not come within the bound, or because, sent without {@code If-Match}, it lost the race for its commitment to
 * another instance each time it was tried: 503 with {@code Retry-After}, as a problem. Nothing was stored.
 */
public class WritesOverloadedException extends ErrorResponseException {

    public WritesOverloadedException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail, seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static ProblemDetail problem(String detail, long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, detail + " Nothing was recorded; retry in " + seconds + " s.");
        problem.setTitle("Too many writes waiting");
        problem.setType(URI.create("urn:cet-tracker:problem:writes-overloaded"));
        problem.setProperty("retryAfterSeconds", seconds);
        return problem;
    }
}
