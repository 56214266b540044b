package org.cetdialogue.tracker.api.audit;

/**
 * The result of recomputing the hash chain from the stored events: {@code intact}, or the first place where it breaks.
 *
 * @param checkedEvents the links recomputed
 * @param headPosition the chain position of the last link checked
 * @param headGlobalIndex the global index of the event at the head
 * @param headHash the link at the head
 * @param checkpoints the signed checkpoints checked (signature and recomputed link)
 * @param firstBreak where the chain first breaks; null when intact
 */
public record ChainVerification(
        boolean intact,
        long checkedEvents,
        long headPosition,
        Long headGlobalIndex,
        String headHash,
        long checkpoints,
        ChainBreak firstBreak) {

    /**
     * The first bad position.
     *
     * @param globalIndex the global position of the event where the chain breaks
     * @param chainPosition its position in the chain, where it has one
     * @param problem {@code CHANGED} (stored bytes differ from what was chained: a changed byte or a reordering),
     *     {@code DELETED} (a chained event is gone), {@code UNCHAINED} (an event that was never chained sits between
     *     chained ones), {@code LINK_MISMATCH} (the chain table itself was altered), {@code BAD_CHECKPOINT} (a
     *     checkpoint's signature or hash does not match)
     * @param detail what was found, in words
     */
    public record ChainBreak(long globalIndex, Long chainPosition, String problem, String detail) {}
}
