package org.cetdialogue.tracker.api.query;

import java.util.List;

/**
 * The catalogue of the read side's event processors, by name (each is also its processing group): the projections,
 * which can be rebuilt from the events, and the hash chain, which never is. Freshness headers, the read cache, live
 * streams, health, metrics, replays and dead letters all name processors from here.
 */
public final class Projections {

    public static final String COMMITMENT_VIEW = "commitment-view";
    public static final String AREA_STATUS = "area-status";
    public static final String FUNDING_TOTALS = "funding-totals";
    public static final String HISTORY = "history";
    public static final String ACTIVITY = "activity";

    /** The hash chain and the auditors' index: advanced in global order, never reset. */
    public static final String EVENT_CHAIN = "event-chain";

    /** What a replay may rebuild. */
    public static final List<String> REBUILDABLE = List.of(COMMITMENT_VIEW, AREA_STATUS, FUNDING_TOTALS, HISTORY);

    /** Every streaming processor of the read side. */
    public static final List<String> ALL =
            List.of(COMMITMENT_VIEW, AREA_STATUS, FUNDING_TOTALS, HISTORY, ACTIVITY, EVENT_CHAIN);

    private Projections() {}
}
