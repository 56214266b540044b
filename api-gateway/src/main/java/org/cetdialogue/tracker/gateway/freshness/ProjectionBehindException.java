package org.cetdialogue.tracker.gateway.freshness;

/**
 * A read asked for a minimum position its projection did not reach within the bound
 * ({@code tracker.read-your-writes.max-wait}): answered {@code 503} with {@code Retry-After} and the freshness headers.
 */
public class ProjectionBehindException extends RuntimeException {

    private final String projection;
    private final long minPosition;
    private final Long projectionPosition;

    public ProjectionBehindException(String projection, long minPosition, Long projectionPosition) {
        super("the " + projection + " projection has not reached position " + minPosition + " yet"
                + (projectionPosition == null ? "" : " (it is at " + projectionPosition + ")")
                + "; retry shortly");
        this.projection = projection;
        this.minPosition = minPosition;
        this.projectionPosition = projectionPosition;
    }

    public String projection() {
        return projection;
    }

    public long minPosition() {
        return minPosition;
    }

    public Long projectionPosition() {
        return projectionPosition;
    }
}
