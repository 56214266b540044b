package org.cetdialogue.tracker.gateway.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.http.HttpStatus;

/** The 429 answer: a problem with {@code Retry-After} in whole seconds (at least one). */
final class TooManyRequests {

    private TooManyRequests() {}

    static void write(ProblemResponses problems, HttpServletResponse response, Duration wait, String detail)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        problems.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                detail + " Retry in " + seconds + " s.",
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
