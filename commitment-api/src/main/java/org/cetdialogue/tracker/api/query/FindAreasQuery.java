package org.cetdialogue.tracker.api.query;

/** Asks for the status of every area, all seven, including those without commitments. */
public record FindAreasQuery() implements SubscriptionFilter<AreaStatusUpdate> {

    @Override
    public Class<AreaStatusUpdate> updateType() {
        return AreaStatusUpdate.class;
    }

    /** Every update: each is the state of all areas. */
    @Override
    public boolean wants(AreaStatusUpdate update) {
        return true;
    }
}
