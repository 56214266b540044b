package org.cetdialogue.tracker.query.audit.chain;

/** One link of the hash chain: the {@code chainPosition}-th chained event is the one at {@code globalIndex}. */
public record ChainLink(long chainPosition, long globalIndex, String previousHash, String linkHash) {

    /**
     * A row of {@code chain_position, global_index, previous_hash, link_hash}, by position (a mapper by class tries
     * the camel-case column names first and makes H2 log a failure for each).
     */
    static ChainLink map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new ChainLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
    }
}
