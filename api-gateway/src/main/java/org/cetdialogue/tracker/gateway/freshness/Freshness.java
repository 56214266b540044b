package org.cetdialogue.tracker.gateway.freshness;

/**
 * How fresh a projection is: the global position of the last event it has applied ({@code position}, null before it
 * has claimed its first segment), how many events the store holds beyond it ({@code lag}), and whether it is being
 * rebuilt from the events, with the share of the replay done ({@code progress}, 0–100, null when not rebuilding).
 */
public record Freshness(Long position, Long lag, boolean rebuilding, Integer progress) {

    /** The header value for a rebuild in progress: {@code rebuilding, 37%}. */
    public String describe() {
        return rebuilding ? "rebuilding, " + (progress == null ? 0 : progress) + "%" : "current";
    }

    /**
     * This freshness for data known to reflect the event at global position {@code reflected}: an update sent right
     * after its event is applied may be ahead of the processor's recorded position.
     */
    public Freshness atLeast(long reflected) {
        if (rebuilding || reflected < 0 || (position != null && position >= reflected)) {
            return this;
        }
        if (position == null || lag == null) {
            return new Freshness(reflected, null, false, null);
        }
        return new Freshness(reflected, Math.max(0, lag - (reflected - position)), false, null);
    }
}
