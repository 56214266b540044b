package org.cetdialogue.tracker.gateway.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Requests per signed-in user: runs after authentication, so the key is the principal's name. */
class UserRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiters limiters;
    private final ProblemResponses problems;

    UserRateLimitFilter(RateLimiters limiters, ProblemResponses problems) {
        this.limiters = limiters;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            Optional<Duration> wait = limiters.acquire(authentication.getName());
            if (wait.isPresent()) {
                TooManyRequests.write(problems, response, wait.get(), "You have sent too many requests.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
