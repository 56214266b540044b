package org.cetdialogue.tracker.gateway.commitment;

import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.cetdialogue.tracker.api.query.EventPosition;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a write's command and answers with the version and the global position of the event it appended. The command
 * goes through the gateway's {@link CommandGateway} (who sent it, retries of lost races) and is answered after its
 * transaction committed; its result carries the head of the store from before it ran
 * ({@link FindEventPositionQuery#SEARCH_FROM}), from which the write side finds the event's position
 * ({@link FindEventPositionQuery}). The write is stored whatever that second question meets: if it cannot be answered,
 * the position is left out rather than the write reported as failed.
 */
@Component
public class CommitmentWrites {

    /** The header carrying a write's event position. */
    public static final String EVENT_POSITION = "X-Event-Position";

    private static final Logger log = LoggerFactory.getLogger(CommitmentWrites.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public CommitmentWrites(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Sends {@code command} for {@code commitmentId}; a refusal is thrown as the command gateway throws it. */
    public CommandResult send(String commitmentId, Object command, MetaData metadata) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            throw asRuntime(result.exceptionResult());
        }
        long version = result.getPayload() instanceof Number number ? number.longValue() : 0L;
        return new CommandResult(commitmentId, version, position(commitmentId, version, result.getMetaData()));
    }

    private Long position(String commitmentId, long version, MetaData metadata) {
        Object searchFrom = metadata.get(FindEventPositionQuery.SEARCH_FROM);
        if (!(searchFrom instanceof Number after)) {
            log.warn("the result of the command for {} does not say where its event was stored", commitmentId);
            return null;
        }
        try {
            EventPosition found = queries.query(
                            new FindEventPositionQuery(commitmentId, version, after.longValue()), EventPosition.class)
                    .join();
            return found.position() < 0 ? null : found.position();
        } catch (CompletionException | IllegalStateException e) {
            log.warn("the position of {} at version {} could not be read: {}", commitmentId, version, e.toString());
            return null;
        }
    }

    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CommandExecutionException("An exception occurred while executing a command", failure);
    }
}
