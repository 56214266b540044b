package org.cetdialogue.tracker.query.subscription;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Sends a subscription-query update only when someone is subscribed: a projection's full answer (all areas, all
 * funding totals) is worth computing after an event only if a dashboard is listening. Axon sends the update after the
 * projection's transaction commits.
 */
@Component
public class SubscriptionUpdates {

    private final QueryUpdateEmitter emitter;

    public SubscriptionUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /** Computes {@code update} and sends it to the subscriptions of type {@code query} that match {@code filter}. */
    public <Q, U> void emit(Class<Q> query, Predicate<? super Q> filter, Supplier<U> update) {
        boolean subscribed = emitter.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .anyMatch(payload -> query.isInstance(payload) && filter.test(query.cast(payload)));
        if (subscribed) {
            emitter.emit(query, filter, update.get());
        }
    }
}
