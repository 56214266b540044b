package org.cetdialogue.tracker.gateway.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.gateway.commitment.CommitmentWrites;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.cetdialogue.tracker.gateway.web.CachedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key (per user) claims it and its answer is stored; a
 * retry with the same key and the same request (method, path and body, by SHA-256) gets the stored status and body
 * back, with {@code Idempotent-Replayed: true}, and nothing runs again; the same key with a different request answers
 * 422; a retry while the first is still running answers 409. A 5xx or 429 answer is not stored, so a retry runs.
 *
 * <p>The record here only saves running a request again. That a write is never applied twice is the commitment's own
 * guarantee: the request runs with its {@link IdempotentRequest} as a request attribute, which the commitment writes
 * send in the command's metadata; a commitment answers a key it already applied with the earlier event's version. So
 * the retry of a request whose instance died after its events were stored, but before its answer was (the record
 * stays in flight, and after {@code tracker.idempotency.in-flight-timeout} is forgotten), is answered as the first
 * attempt would have been.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** What a key may be (the OpenAPI document states it too). */
    public static final String KEY_PATTERN = "^[A-Za-z0-9._:-]{1,200}$";

    private static final Pattern STORED_POSITION = Pattern.compile("\"position\":([0-9]{1,18})}$");
    private static final Pattern VALID_KEY = Pattern.compile(KEY_PATTERN);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeyStore store;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyKeyStore store, ProblemResponses problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "Idempotency-Key must be 1 to 200 letters, digits or . _ : - characters");
            return;
        }
        String username = authentication.getName();
        String fingerprint = fingerprint(request);
        Claim claim;
        try {
            claim = claimOrFind(username, key, fingerprint);
        } catch (DataAccessException e) {
            // the key's record cannot be read or claimed (the database is away): nothing has run, a retry may
            log.warn("Idempotency-Key record unavailable: {}", e.toString());
            problems.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Store unavailable",
                    "The database could not be reached. Try again shortly.",
                    Map.of(HttpHeaders.RETRY_AFTER, "1"));
            return;
        }
        if (claim.claimed()) {
            request.setAttribute(IdempotentRequest.class.getName(), IdempotentRequest.of(username, key, fingerprint));
            runAndStore(request, response, chain, username, key);
        } else if (claim.stored() != null) {
            answerFromStore(claim.stored(), fingerprint, response);
        } else {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "Request in progress",
                    "Another request with this Idempotency-Key is being processed; retry later.");
        }
    }

    /**
     * What became of a key: claimed by this request, which runs; or held by an earlier request, whose record is
     * {@code stored}; or neither after three tries ({@code stored} null: contended).
     */
    private record Claim(boolean claimed, StoredResponse stored) {}

    private Claim claimOrFind(String username, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (store.claim(username, key, fingerprint)) {
                return new Claim(true, null);
            }
            Optional<StoredResponse> stored = store.find(username, key);
            if (stored.isEmpty()) {
                continue; // released or purged in between: claim again
            }
            if (store.isStale(stored.get())) {
                store.forget(username, key, stored.get());
                continue;
            }
            return new Claim(false, stored.get());
        }
        return new Claim(false, null);
    }

    private void runAndStore(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String username, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException e) {
            releaseQuietly(username, key);
            throw e;
        }
        int status = wrapper.getStatus();
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            releaseQuietly(username, key);
        } else {
            try {
                store.complete(
                        username,
                        key,
                        status,
                        wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION),
                        wrapper.getContentAsByteArray());
            } catch (DataAccessException e) {
                // the request ran and is answered; its key stays in flight until it is stale, and a retry of a
                // commitment write is then answered by the commitment itself from the event it applied
                log.warn("the answer to Idempotency-Key {} could not be stored: {}", key, e.toString());
            }
        }
        wrapper.copyBodyToResponse();
    }

    /** Gives the key up; if the database is away, the claim stays until it is stale (the in-flight timeout). */
    private void releaseQuietly(String username, String key) {
        try {
            store.release(username, key);
        } catch (DataAccessException e) {
            log.warn("Idempotency-Key {} could not be released: {}", key, e.toString());
        }
    }

    private void answerFromStore(StoredResponse stored, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!stored.fingerprint().equals(fingerprint)) {
            problems.write(
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
            return;
        }
        if (stored.inFlight()) {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "Request in progress",
                    "The first request with this Idempotency-Key is still being processed; retry later.");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        eventPosition(stored.status(), body)
                .ifPresent(position -> response.setHeader(CommitmentWrites.EVENT_POSITION, position));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The {@code X-Event-Position} of a replayed write: the header is not kept, the body's {@code position} is (the
     * last field of {@code CommandResult}, after an id of lower-case letters, digits and dashes).
     */
    private static Optional<String> eventPosition(int status, byte[] body) {
        if (status < 200 || status > 299) {
            return Optional.empty();
        }
        Matcher position = STORED_POSITION.matcher(new String(body, StandardCharsets.UTF_8));
        return position.find() ? Optional.of(position.group(1)) : Optional.empty();
    }

    private static String fingerprint(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update((byte) '?');
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(CachedBodyRequest.bodyOf(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
