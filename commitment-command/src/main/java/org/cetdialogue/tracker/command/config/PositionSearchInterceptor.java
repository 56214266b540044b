package org.cetdialogue.tracker.command.config;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.cetdialogue.tracker.command.commitment.EventPositions;
import org.cetdialogue.tracker.command.commitment.RetryAnswers;

/**
 * Puts into each command's result where the search for the events it appends may start: the head of the event store
 * before the command is handled ({@link FindEventPositionQuery#SEARCH_FROM}). The store gives an event its global
 * position on insert, after the head was read, so the event lies after it; a writer then asks
 * {@link FindEventPositionQuery} for the exact position. The payload stays what the handler returned (the version).
 *
 * <p>A command with an {@code Idempotency-Key} ({@link IdempotentRequest}) also leaves that head in the metadata of
 * its events, so that a retry the commitment answers from the earlier event ({@link RetryAnswers}) carries the head
 * from before that event instead of the head now, which lies after it.
 */
class PositionSearchInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventPositions positions;

    PositionSearchInterceptor(EventPositions positions) {
        this.positions = positions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long head = positions.head();
        if (IdempotentRequest.from(unitOfWork.getMessage().getMetaData()) != null) {
            unitOfWork.registerCorrelationDataProvider(command -> Map.of(FindEventPositionQuery.SEARCH_FROM, head));
        }
        Object result = chain.proceed();
        MetaData searchFrom = MetaData.with(
                FindEventPositionQuery.SEARCH_FROM,
                RetryAnswers.searchFrom(unitOfWork).orElse(head));
        if (result instanceof ResultMessage<?> message) {
            return message.andMetaData(searchFrom);
        }
        if (result instanceof Message<?> message) {
            return new GenericResultMessage<>(
                    message.getPayload(), message.getMetaData().mergedWith(searchFrom));
        }
        return new GenericResultMessage<>(result, searchFrom);
    }
}
