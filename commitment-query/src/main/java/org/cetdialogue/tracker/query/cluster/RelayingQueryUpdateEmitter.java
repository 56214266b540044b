package org.cetdialogue.tracker.query.cluster;

import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Axon's {@link QueryUpdateEmitter}, plus: every update emitted for a query type ({@code emit(FindXQuery.class,
 * filter, update)}, the idiom of the projections) is also handed to the {@link QueryUpdateRelay}, which sends it to
 * the other instances sharing the database. Updates arriving from them are delivered here through
 * {@link #deliverLocally}, to this instance's subscriptions only (never relayed again).
 */
public class RelayingQueryUpdateEmitter implements QueryUpdateEmitter {

    private final QueryUpdateEmitter local;
    private final ObjectProvider<QueryUpdateRelay> relay;

    public RelayingQueryUpdateEmitter(QueryUpdateEmitter local, ObjectProvider<QueryUpdateRelay> relay) {
        this.local = local;
        this.relay = relay;
    }

    @Override
    public <Q, U> void emit(Class<Q> queryType, Predicate<? super Q> filter, SubscriptionQueryUpdateMessage<U> update) {
        local.emit(queryType, filter, update);
        QueryUpdateRelay target = relay.getIfAvailable();
        if (target != null && update.getPayload() != null) {
            target.publish(queryType, update.getPayload());
        }
    }

    /** An update that another instance emitted, for this instance's subscriptions of {@code queryType}. */
    <Q> void deliverLocally(Class<Q> queryType, Predicate<? super Q> filter, Object update) {
        local.emit(queryType, filter, update);
    }

    @Override
    public <U> void emit(
            Predicate<SubscriptionQueryMessage<?, ?, U>> filter, SubscriptionQueryUpdateMessage<U> update) {
        local.emit(filter, update);
    }

    @Override
    public void complete(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter) {
        local.complete(filter);
    }

    @Override
    public void completeExceptionally(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter, Throwable cause) {
        local.completeExceptionally(filter, cause);
    }

    @Override
    public boolean queryUpdateHandlerRegistered(SubscriptionQueryMessage<?, ?, ?> query) {
        return local.queryUpdateHandlerRegistered(query);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(
            SubscriptionQueryMessage<?, ?, ?> query, SubscriptionQueryBackpressure backpressure, int bufferSize) {
        return local.registerUpdateHandler(query, backpressure, bufferSize);
    }

    @Override
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(
            SubscriptionQueryMessage<?, ?, ?> query, int updateBufferSize) {
        return local.registerUpdateHandler(query, updateBufferSize);
    }

    @Override
    public Set<SubscriptionQueryMessage<?, ?, ?>> activeSubscriptions() {
        return local.activeSubscriptions();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super SubscriptionQueryUpdateMessage<?>> interceptor) {
        return local.registerDispatchInterceptor(interceptor);
    }
}
