package org.cetdialogue.tracker.support;

/**
 * Properties that several {@link SharedTracker} classes name together, so that they share one application. Classes
 * that name none share the default one (with the seeded fact sheet).
 */
public final class TrackerConfigurations {

    /** Audit: a signed chain checkpoint every four events, so that a short history already has several. */
    public static final String FREQUENT_CHECKPOINTS = "tracker.audit.checkpoint-every=4";

    /** Audit: the gateway asks for the export three events at a time, so that a short history takes several pages. */
    public static final String SMALL_EXPORT_PAGES = "tracker.audit.export-page-size=3";

    /** Streams: heartbeats often enough that a client which went away is noticed within a second. */
    public static final String STREAM_HEARTBEAT = "tracker.stream.heartbeat=500ms";

    /** Streams: one viewer may hold a thousand at once (the subscription-leak test opens that many). */
    public static final int STREAMS_PER_USER = 1000;

    public static final String STREAM_CAP = "tracker.stream.max-per-user=" + STREAMS_PER_USER;

    private TrackerConfigurations() {}
}
