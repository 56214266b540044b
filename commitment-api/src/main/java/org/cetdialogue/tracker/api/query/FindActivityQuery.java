package org.cetdialogue.tracker.api.query;

/**
 * Asks for the activity feed: every event after global position {@code afterPosition} in order, at most {@code
 * limit} of them; or, when {@code afterPosition} is null, the latest {@code limit} events. Its subscription updates are
 * single {@link ActivityEntry ActivityEntries}: those after {@code afterPosition} (every one when it is null; the limit
 * is for the initial result only).
 */
public record FindActivityQuery(Long afterPosition, int limit) implements SubscriptionFilter<ActivityEntry> {

    public FindActivityQuery {
        if (afterPosition != null && afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    @Override
    public Class<ActivityEntry> updateType() {
        return ActivityEntry.class;
    }

    @Override
    public boolean wants(ActivityEntry entry) {
        return afterPosition == null || entry.position() > afterPosition;
    }
}
