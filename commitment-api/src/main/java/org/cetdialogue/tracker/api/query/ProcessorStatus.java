package org.cetdialogue.tracker.api.query;

/**
 * One processor as the read side sees it.
 *
 * @param processor its name ({@link Projections})
 * @param position the global position of the last event it applied (its slowest segment); null before it has claimed
 *     a segment, or where no instance answering runs it
 * @param lag events stored beyond {@code position}; null when not asked against the head, or unknown
 * @param rebuilding whether it is being rebuilt from the events
 * @param progress the share of the rebuild done (0–99), null when not rebuilding
 * @param settledPosition the position every change to its tables is known to be at, where the instance that answered
 *     holds every segment and none is being rebuilt (an answer read from its tables then reflects at least that
 *     position, and nothing else changes them); null otherwise
 */
public record ProcessorStatus(
        String processor, Long position, Long lag, boolean rebuilding, Integer progress, Long settledPosition) {}
