package org.cetdialogue.tracker.gateway.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins, per username (HTTP Basic) and per client address: runs before authentication. A request that
 * carried credentials and was answered 401 counts as a failure; once a username or an address has used up its
 * failures for the period, every request with it answers 429 until the period ends, right credentials or not.
 */
class FailedLoginLimitFilter extends OncePerRequestFilter {

    private final RateLimiters perUsername;
    private final RateLimiters perAddress;
    private final ProblemResponses problems;

    FailedLoginLimitFilter(RateLimiters perUsername, RateLimiters perAddress, ProblemResponses problems) {
        this.perUsername = perUsername;
        this.perAddress = perAddress;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String username = basicUsername(authorization);
        Optional<Duration> wait = perAddress
                .exhausted(address)
                .or(() -> username == null ? Optional.empty() : perUsername.exhausted(username));
        if (wait.isPresent()) {
            TooManyRequests.write(problems, response, wait.get(), "Too many failed sign-ins.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            perAddress.consume(address);
            if (username != null) {
                perUsername.consume(username);
            }
        }
    }

    private static String basicUsername(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
