package org.cetdialogue.tracker.gateway.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.cetdialogue.tracker.gateway.freshness.ProjectionBehindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}: 400 for malformed input, 422 for values the
 * contract refuses, 404 for an unknown commitment, 409 for a broken lifecycle rule (naming it in {@code rule}), 412
 * for a stale {@code If-Match}. Never a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final URI RULE_TYPE = URI.create("urn:cet-tracker:problem:rule");
    private static final URI PROJECTION_BEHIND_TYPE = URI.create("urn:cet-tracker:problem:projection-behind");

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> refused(CommandExecutionException e) {
        RuleViolation violation = e.getDetails()
                .filter(RuleViolation.class::isInstance)
                .map(RuleViolation.class::cast)
                .orElse(null);
        if (violation == null && StoreOutage.isCauseOf(e)) {
            return storeUnavailable(e);
        }
        if (violation == null) {
            log.error("command failed without rule details", e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Command failed", "The command could not be handled.");
        }
        return rule(violation);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> exists(AggregateStreamCreationException e) {
        return rule(
                new RuleViolation(RuleCode.COMMITMENT_EXISTS, "a commitment with this id has already been recorded"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return rule(new RuleViolation(
                RuleCode.VERSION_CONFLICT, "the commitment was changed by a concurrent request; reload and retry"));
    }

    /**
     * A stale {@code If-Match} found when the aggregate is loaded, before any handler (or interceptor) runs: Axon
     * raises it directly, without rule details.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException e) {
        return rule(new RuleViolation(
                RuleCode.VERSION_CONFLICT,
                "the commitment is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()));
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> storeRefused(EventStoreException e, HttpServletRequest request) {
        if (isUniqueViolation(e)) {
            // the unique (aggregate, sequence) index refused the append: the commitment exists (a create) or was
            // changed by a concurrent writer (any other write)
            return "/api/commitments".equals(request.getRequestURI()) ? exists(null) : concurrent(null);
        }
        return storeUnavailable(e);
    }

    /** The database is away (or no connection came free in time): 503, with {@code Retry-After}: 1 second. */
    ResponseEntity<Object> storeUnavailable(Exception e) {
        log.error("store failure: {}", e.toString());
        ResponseEntity<Object> problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Store unavailable",
                "The database could not be reached. Try again shortly.");
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem.getBody());
    }

    /** A read-your-writes read whose projection did not reach the position within the bound: retry shortly. */
    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<Object> projectionBehind(ProjectionBehindException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(PROJECTION_BEHIND_TYPE);
        problem.setTitle("Projection behind");
        problem.setProperty("projection", e.projection());
        problem.setProperty("minPosition", e.minPosition());
        problem.setProperty("projectionPosition", e.projectionPosition());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return problem(e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalidValue(IllegalArgumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid value", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /**
     * A header (or parameter) value the firewall refuses when it is first read, not at the door: Spring Security's
     * {@code StrictHttpFirewall} checks values lazily, so {@code X-Correlation-Id}, {@code If-Match} or
     * {@code Last-Event-ID} with a control byte (U+0080 to U+009F) is refused while the handler reads its arguments.
     * 400, as the firewall's own refusals are, never a 500.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedHeader(RequestRejectedException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "A header or parameter holds characters that are not allowed (control characters).");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (StoreOutage.isCauseOf(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be handled.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of(
                        "field",
                        f.getField(),
                        "message",
                        f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return withProblemType(problem);
    }

    /**
     * 415 is for a media type the endpoint does not take; a {@code Content-Type} that is not a media type at all
     * ({@code application/\u00e9json}) is a malformed header: 400. Spring says which by the type it names: none when
     * the header could not be parsed (a missing header counts as {@code application/octet-stream}). The header itself
     * is not read again here: with a control byte in it, the firewall would refuse the reading.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getContentType() == null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", "Content-Type is not a media type.");
        }
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    /**
     * 406 is for types the endpoint cannot produce; an {@code Accept} that is not a list of media types is a malformed
     * header: 400. Spring says which by the supported types it names (none when the header could not be parsed).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getSupportedMediaTypes().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", "Accept is not a list of media types.");
        }
        return super.handleHttpMediaTypeNotAcceptable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", MalformedJson.describe(e));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> rule(RuleViolation violation) {
        HttpStatus status = switch (violation.code().category()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.message());
        problem.setTitle(title(violation.code()));
        problem.setType(RULE_TYPE);
        problem.setProperty("rule", violation.code().name());
        return withProblemType(problem);
    }

    private static String title(RuleCode code) {
        return switch (code.category()) {
            case CONFLICT -> "Lifecycle rule broken";
            case INVALID -> "Invalid value";
            case NOT_FOUND -> "Not found";
            case STALE -> "Version mismatch";
        };
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return withProblemType(problem);
    }

    private static ResponseEntity<Object> withProblemType(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
