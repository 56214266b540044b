package org.cetdialogue.tracker.query.audit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.api.audit.AuditRefusalCode;
import org.cetdialogue.tracker.api.audit.DeadLetterList;
import org.cetdialogue.tracker.api.audit.DeadLetterRetryResult;
import org.cetdialogue.tracker.api.audit.DeadLetterView;
import org.cetdialogue.tracker.api.audit.FindDeadLettersQuery;
import org.cetdialogue.tracker.api.audit.RetryDeadLettersCommand;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private static final DeadLetterView PARKED_HISTORY = view("history");
    private static final DeadLetterView PARKED_FUNDING = view("funding-totals");

    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final DeadLetterHandler handler = new DeadLetterHandler(deadLetters);

    @Test
    void listsEveryParkedEvent() {
        when(deadLetters.list()).thenReturn(List.of(PARKED_HISTORY, PARKED_FUNDING));

        assertThat(handler.handle(new FindDeadLettersQuery()))
                .isEqualTo(new DeadLetterList(List.of(PARKED_HISTORY, PARKED_FUNDING)));
    }

    @Test
    void retriesOneGroupAndAnswersWhatIsStillParkedThere() {
        when(deadLetters.groups()).thenReturn(List.of("history", "funding-totals"));
        when(deadLetters.retry("history")).thenReturn(Optional.of(2));
        when(deadLetters.list()).thenReturn(List.of(PARKED_HISTORY, PARKED_FUNDING));

        assertThat(handler.handle(new RetryDeadLettersCommand("history")))
                .isEqualTo(new DeadLetterRetryResult("history", 2, List.of(PARKED_HISTORY)));
    }

    @Test
    void aGroupWithoutAQueueLeavesAsARefusalOfTheContract() {
        when(deadLetters.groups()).thenReturn(List.of("history"));

        CommandExecutionException refused = catchThrowableOfType(
                CommandExecutionException.class, () -> handler.handle(new RetryDeadLettersCommand("nope")));

        assertThat(refused.getDetails())
                .contains(new AuditRefusal(
                        AuditRefusalCode.UNKNOWN_DEAD_LETTER_QUEUE,
                        "no dead-letter queue for nope; there are [history]"));
        verify(deadLetters, never()).retry("nope");
    }

    private static DeadLetterView view(String group) {
        return new DeadLetterView(group, "c1", "e1", "FundingPledgedEvent", 3L, "X", "boom", Instant.EPOCH, null);
    }
}
