package org.cetdialogue.tracker.query.subscription;

import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Sends a subscription-query update only when someone is subscribed: a projection's full answer (all areas, all
 * funding totals) is worth computing after an event only if a dashboard is listening. The update is told the global
 * position of the event being handled, so it can say which position it reflects. Axon sends it after the projection's
 * transaction commits.
 */
@Component
public class SubscriptionUpdates {

    private final QueryUpdateEmitter emitter;

    public SubscriptionUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /**
     * Computes {@code update} (given the global position of the event being handled, -1 if unknown) and sends it to
     * the subscriptions of type {@code query} that match {@code filter}.
     */
    public <Q, U> void emit(Class<Q> query, Predicate<? super Q> filter, LongFunction<U> update) {
        boolean subscribed = emitter.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .anyMatch(payload -> query.isInstance(payload) && filter.test(query.cast(payload)));
        if (subscribed) {
            emitter.emit(query, filter, update.apply(currentPosition()));
        }
    }

    /** The global position of the event the current unit of work handles. */
    private static long currentPosition() {
        if (!CurrentUnitOfWork.isStarted()) {
            return -1;
        }
        if (CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }
}
