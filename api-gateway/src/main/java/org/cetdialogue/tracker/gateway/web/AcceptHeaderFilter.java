package org.cetdialogue.tracker.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Accept} is not a list of media types ({@code application/\u00e9}) with a 400 problem
 * before anything runs. Spring reads {@code Accept} only to write the answer, after the handler: left to Spring, a
 * write with such a header would be stored and then answered 406.
 */
public class AcceptHeaderFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public AcceptHeaderFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (!accept.isEmpty()) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                problems.write(
                        response, HttpStatus.BAD_REQUEST, "Malformed request", "Accept is not a list of media types.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
