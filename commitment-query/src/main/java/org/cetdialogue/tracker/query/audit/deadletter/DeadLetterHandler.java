package org.cetdialogue.tracker.query.audit.deadletter;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AuditRefusal;
import org.cetdialogue.tracker.api.audit.AuditRefusalCode;
import org.cetdialogue.tracker.api.audit.DeadLetterList;
import org.cetdialogue.tracker.api.audit.DeadLetterRetryResult;
import org.cetdialogue.tracker.api.audit.FindDeadLettersQuery;
import org.cetdialogue.tracker.api.audit.RetryDeadLettersCommand;
import org.cetdialogue.tracker.query.audit.OutsideUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Lists and retries the projections' dead letters by message. A retry of a group without a dead-letter queue leaves
 * as a {@link CommandExecutionException} whose details are an {@link AuditRefusal} from the contract.
 */
@Component
public class DeadLetterHandler {

    private final DeadLetters deadLetters;

    public DeadLetterHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @QueryHandler
    public DeadLetterList handle(FindDeadLettersQuery query) {
        return new DeadLetterList(deadLetters.list());
    }

    @CommandHandler
    public DeadLetterRetryResult handle(RetryDeadLettersCommand command) {
        String group = command.processingGroup();
        if (!deadLetters.groups().contains(group)) {
            String message = "no dead-letter queue for " + group + "; there are " + deadLetters.groups();
            throw new CommandExecutionException(
                    message, null, new AuditRefusal(AuditRefusalCode.UNKNOWN_DEAD_LETTER_QUEUE, message));
        }
        // each retried sequence is handled in a unit of work of its own: a failure rolls back only that sequence
        int processed = OutsideUnitOfWork.call(() -> deadLetters.retry(group)).orElse(0);
        return new DeadLetterRetryResult(
                group,
                processed,
                deadLetters.list().stream()
                        .filter(letter -> letter.processingGroup().equals(group))
                        .toList());
    }
}
