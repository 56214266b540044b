package org.cetdialogue.tracker.api.audit;

/**
 * A signed statement that the chain had link {@code linkHash} at {@code chainPosition} (the event at
 * {@code globalIndex}) at {@code signedAt}. The signature is Ed25519 over {@link #message()}.
 */
public record Checkpoint(
        long chainPosition, long globalIndex, String linkHash, String signedAt, String keyId, String signature) {

    public static String message(long chainPosition, long globalIndex, String linkHash, String signedAt) {
        return "cet-chain-checkpoint-v1|" + chainPosition + "|" + globalIndex + "|" + linkHash + "|" + signedAt;
    }

    public String message() {
        return message(chainPosition, globalIndex, linkHash, signedAt);
    }
}
