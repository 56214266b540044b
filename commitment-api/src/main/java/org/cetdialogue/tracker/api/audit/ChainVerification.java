package org.cetdialogue.tracker.api.audit;

/**
 * The result of recomputing the hash chain from the stored events: {@code intact}, or the first place where it breaks.
 *
 * @param checkedEvents the links recomputed and found good (before the first break, if any)
 * @param headPosition the chain position of the last link found good; 0 when none was
 * @param headGlobalIndex the global index of the event at {@code headPosition}; null exactly when it is 0
 * @param headHash the link at the head (the genesis link when none was found good)
 * @param checkpoints the signed checkpoints found good (signature and recomputed link) up to the head
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
