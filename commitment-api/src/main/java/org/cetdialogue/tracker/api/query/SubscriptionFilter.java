package org.cetdialogue.tracker.api.query;

/**
 * A query that can be subscribed to says here which of its subscription updates it wants. The projection that emits an
 * update and the instance that receives it from another (the PostgreSQL query-update relay) ask the same question, so
 * the rule lives in one place: the query.
 *
 * @param <U> the type of the query's subscription updates
 */
public interface SubscriptionFilter<U> {

    /** The type of the query's subscription updates. */
    Class<U> updateType();

    /** Whether this subscription wants {@code update}. */
    boolean wants(U update);

    /**
     * Whether {@code query} wants {@code update}: false when the query says nothing about its updates, or the update is
     * not of its update type.
     */
    @SuppressWarnings("unchecked")
    static boolean wanted(Object query, Object update) {
        return query instanceof SubscriptionFilter<?> filter
                && filter.updateType().isInstance(update)
                && ((SubscriptionFilter<Object>) filter).wants(update);
    }
}
