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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins, per (username, client address) and per client address: runs before authentication. A sign-in
 * attempt is a request with an Authorization header or the dashboard's {@code POST /login}; one answered 401 counts
 * as a failure. Once a username has used up its failures from one address, that address's attempts as that user
 * answer 429 until the period ends, right password or not; once an address has used up its own (any usernames), all
 * its attempts do. The username's owner signing in from another address is not affected: a flood of wrong passwords
 * cannot lock a user out. The client address is {@code request.getRemoteAddr()}, which is the client's behind a
 * trusted proxy ({@code server.forward-headers-strategy=native}, {@code server.tomcat.remoteip.internal-proxies}).
 */
class FailedLoginLimitFilter extends OncePerRequestFilter {

    private final RateLimiters perUserAndAddress;
    private final RateLimiters perAddress;
    private final ProblemResponses problems;

    FailedLoginLimitFilter(RateLimiters perUserAndAddress, RateLimiters perAddress, ProblemResponses problems) {
        this.perUserAndAddress = perUserAndAddress;
        this.perAddress = perAddress;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean formSignIn = authorization == null && isFormSignIn(request);
        if (authorization == null && !formSignIn) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String username = formSignIn ? request.getParameter("username") : basicUsername(authorization);
        String userAtAddress = username == null ? null : userAtAddress(username, address);
        Optional<Duration> wait = perAddress
                .exhausted(address)
                .or(() -> userAtAddress == null ? Optional.empty() : perUserAndAddress.exhausted(userAtAddress));
        if (wait.isPresent()) {
            TooManyRequests.write(problems, response, wait.get(), "Too many failed sign-ins.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            perAddress.consume(address);
            if (userAtAddress != null) {
                perUserAndAddress.consume(userAtAddress);
            }
        }
    }

    /** The key of one username at one address; the length prefix keeps "a b" at "c" apart from "a" at "b c". */
    static String userAtAddress(String username, String address) {
        return username.length() + ":" + username + "@" + address;
    }

    private static boolean isFormSignIn(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && "/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
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
