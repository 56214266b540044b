package org.cetdialogue.tracker.gateway.audit;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The audit endpoints' way to the read side: queries and commands of the contract, so that the gateway runs unchanged
 * beside an Axon Server. A refusal arrives as an {@link AuditRefusal} in the details of Axon's execution exception and
 * leaves as the HTTP answer it always had: an unknown projection 400, a running replay 409, an unknown dead-letter
 * queue 404, a replay whose segments another instance did not release 503 with {@code Retry-After}.
 */
@Component
class AuditMessages {

    private static final URI REPLAY_BLOCKED_TYPE = URI.create("urn:cet-tracker:problem:replay-blocked");
    private static final long REPLAY_RETRY_AFTER_SECONDS = 5;

    private final QueryGateway queries;
    private final CommandGateway commands;

    AuditMessages(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    <R> R query(Object query, Class<R> answer) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(answer)).join();
        } catch (CompletionException e) {
            throw refusalOrCause(e);
        }
    }

    <R> Optional<R> find(Object query, Class<R> answer) {
        try {
            return queries.query(query, ResponseTypes.optionalInstanceOf(answer))
                    .join();
        } catch (CompletionException e) {
            throw refusalOrCause(e);
        }
    }

    /** Sends {@code command} and answers its result (null when the handler returned none). */
    <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            throw refusalOrCause(e);
        }
    }

    private static RuntimeException refusalOrCause(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandlerExecutionException handled) {
                Optional<AuditRefusal> refusal = handled.getDetails()
                        .filter(AuditRefusal.class::isInstance)
                        .map(AuditRefusal.class::cast);
                if (refusal.isPresent()) {
                    return answer(refusal.get());
                }
            }
        }
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    static RuntimeException answer(AuditRefusal refusal) {
        return switch (refusal.code()) {
            case UNKNOWN_PROJECTION -> InvalidRequestException.badRequest(refusal.message());
            case REPLAY_RUNNING ->
                new InvalidRequestException(HttpStatus.CONFLICT, "Replay running", refusal.message());
            case UNKNOWN_DEAD_LETTER_QUEUE -> new NotFoundException(refusal.message());
            case REPLAY_BLOCKED -> replayBlocked(refusal.message());
        };
    }

    /** Another instance held the projection's segments and did not release them in time: 503, retry shortly. */
    private static ErrorResponseException replayBlocked(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message);
        problem.setTitle("Replay blocked");
        problem.setType(REPLAY_BLOCKED_TYPE);
        problem.setProperty("retryAfterSeconds", REPLAY_RETRY_AFTER_SECONDS);
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(REPLAY_RETRY_AFTER_SECONDS));
        return refused;
    }
}
