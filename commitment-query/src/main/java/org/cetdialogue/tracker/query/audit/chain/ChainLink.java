package org.cetdialogue.tracker.query.audit.chain;

/** One link of the hash chain: the {@code chainPosition}-th chained event is the one at {@code globalIndex}. */
public record ChainLink(long chainPosition, long globalIndex, String previousHash, String linkHash) {}
