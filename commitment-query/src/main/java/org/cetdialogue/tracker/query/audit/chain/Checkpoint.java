package org.cetdialogue.tracker.query.audit.chain;

/**
 * A signed statement that the chain had link {@code linkHash} at {@code chainPosition} (the event at
 * {@code globalIndex}) at {@code signedAt}. The signature is Ed25519 over {@link #message()}.
 */
public record Checkpoint(
        long chainPosition, long globalIndex, String linkHash, String signedAt, String keyId, String signature) {

    /** A row of {@code chain_position, global_index, link_hash, signed_at, key_id, signature}, by position. */
    static Checkpoint map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Checkpoint(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    public static String message(long chainPosition, long globalIndex, String linkHash, String signedAt) {
        return "cet-chain-checkpoint-v1|" + chainPosition + "|" + globalIndex + "|" + linkHash + "|" + signedAt;
    }

    public String message() {
        return message(chainPosition, globalIndex, linkHash, signedAt);
    }
}
