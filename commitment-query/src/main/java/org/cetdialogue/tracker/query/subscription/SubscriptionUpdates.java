package org.cetdialogue.tracker.query.subscription;

import java.util.function.LongFunction;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.cetdialogue.tracker.api.query.SubscriptionFilter;
import org.springframework.stereotype.Component;

/**
 * Sends a subscription-query update only when someone is subscribed to its query type: a projection's full answer (all areas, all
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
     * Computes {@code update} (given the global position of the event being handled, -1 if unknown) when a subscription
     * of type {@code query} is open, and sends it to those of them that want it ({@link SubscriptionFilter#wants}).
     */
    public <Q extends SubscriptionFilter<? super U>, U> void emit(Class<Q> query, LongFunction<U> update) {
        boolean subscribed = emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> query.isInstance(subscription.getPayload()));
        if (subscribed) {
            U computed = update.apply(currentPosition());
            emitter.emit(query, subscription -> subscription.wants(computed), computed);
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
