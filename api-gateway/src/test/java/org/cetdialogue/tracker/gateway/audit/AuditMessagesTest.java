package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.api.audit.AuditRefusalCode;
import org.cetdialogue.tracker.api.audit.FindDeadLettersQuery;
import org.cetdialogue.tracker.api.audit.StartReplayCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals of the read side arrive as contract details and leave as the HTTP answers the audit API always gave. */
class AuditMessagesTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final AuditMessages messages = new AuditMessages(queries, commands);

    @Test
    void anUnknownProjectionIsABadRequest() {
        refuseCommand(new AuditRefusal(AuditRefusalCode.UNKNOWN_PROJECTION, "projection must be one of ..."));

        assertThat(catchThrowable(() -> messages.send(new StartReplayCommand("nope"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.title()).isEqualTo("Invalid request");
                    assertThat(e.getMessage()).isEqualTo("projection must be one of ...");
                });
    }

    @Test
    void aRunningReplayIsAConflict() {
        refuseCommand(new AuditRefusal(AuditRefusalCode.REPLAY_RUNNING, "replay r1 is still running"));

        assertThat(catchThrowable(() -> messages.send(new StartReplayCommand("all"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.title()).isEqualTo("Replay running");
                    assertThat(e.getMessage()).isEqualTo("replay r1 is still running");
                });
    }

    @Test
    void aReplayBlockedByAnotherInstanceIsUnavailableWithRetryAfter() {
        refuseCommand(new AuditRefusal(AuditRefusalCode.REPLAY_BLOCKED, "the segments of history are held"));

        assertThat(catchThrowable(() -> messages.send(new StartReplayCommand("history"))))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(e.getBody().getTitle()).isEqualTo("Replay blocked");
                    assertThat(e.getBody().getDetail()).isEqualTo("the segments of history are held");
                });
    }

    @Test
    void anUnknownDeadLetterQueueIsNotFound() {
        refuseCommand(new AuditRefusal(AuditRefusalCode.UNKNOWN_DEAD_LETTER_QUEUE, "no dead-letter queue for x"));

        assertThat(catchThrowable(() -> messages.send(new StartReplayCommand("x"))))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no dead-letter queue for x");
    }

    @Test
    void aQueryRefusalIsUnwrappedFromTheFuture() {
        AuditRefusal refusal = new AuditRefusal(AuditRefusalCode.UNKNOWN_PROJECTION, "no such projection");
        when(queries.query(any(), any(ResponseType.class)))
                .thenReturn(
                        CompletableFuture.failedFuture(new QueryExecutionException(refusal.message(), null, refusal)));

        assertThat(catchThrowable(() -> messages.query(new FindDeadLettersQuery(), Object.class)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("no such projection");
    }

    @Test
    void otherFailuresPassThroughForTheCommonHandler() {
        CommandExecutionException rule =
                new CommandExecutionException("closed", null, new RuleViolation(RuleCode.COMMITMENT_CLOSED, "closed"));
        when(commands.sendAndWait(any())).thenThrow(rule);
        IllegalStateException broken = new IllegalStateException("store down");
        when(queries.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.failedFuture(broken));

        assertThat(catchThrowable(() -> messages.send(new StartReplayCommand("all"))))
                .isSameAs(rule);
        assertThat(catchThrowable(() -> messages.query(new FindDeadLettersQuery(), Object.class)))
                .isSameAs(broken);
    }

    private void refuseCommand(AuditRefusal refusal) {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException(refusal.message(), null, refusal));
    }
}
