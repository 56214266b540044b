package org.cetdialogue.tracker.query.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.chain.ChainVerification.ChainBreak;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the stored events, page by page, trusting nothing but the events themselves and the
 * signing key: each link must equal the hash of the stored event and the recomputed previous link, each signed
 * checkpoint must carry a valid signature over the recomputed link, and no unchained event may sit among chained ones.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final SigningKey key;

    public ChainVerifier(JdbcClient jdbc, SigningKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    public ChainVerification verify() {
        String previous = ChainHash.GENESIS;
        long expectedPosition = 1;
        long lastGlobalIndex = 0;
        long checkedCheckpoints = 0;
        while (true) {
            List<Row> page = jdbc.sql("SELECT c.chain_position, c.global_index AS chained_index, c.previous_hash,"
                            + " c.link_hash, " + StoredEvent.COLUMNS
                            + " FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                            + " WHERE c.chain_position >= :from ORDER BY c.chain_position LIMIT :limit")
                    .param("from", expectedPosition)
                    .param("limit", PAGE)
                    .query(ChainVerifier::row)
                    .list();
            Map<Long, List<Checkpoint>> checkpoints = page.isEmpty()
                    ? Map.of()
                    : checkpointsBetween(
                            page.get(0).link().chainPosition(),
                            page.get(page.size() - 1).link().chainPosition());
            for (Row row : page) {
                ChainLink link = row.link();
                if (link.chainPosition() != expectedPosition) {
                    return broken(
                            expectedPosition,
                            previous,
                            new ChainBreak(
                                    link.globalIndex(),
                                    expectedPosition,
                                    "LINK_MISMATCH",
                                    "chain link " + expectedPosition + " is missing from the chain table"));
                }
                ChainBreak unchained = unchainedBetween(lastGlobalIndex, link.globalIndex());
                if (unchained != null) {
                    return broken(expectedPosition - 1, previous, unchained);
                }
                if (row.event() == null) {
                    return broken(
                            expectedPosition - 1,
                            previous,
                            new ChainBreak(
                                    link.globalIndex(),
                                    link.chainPosition(),
                                    "DELETED",
                                    "the event at global position " + link.globalIndex()
                                            + " was chained but is no longer stored"));
                }
                String recomputed = ChainHash.link(previous, row.event());
                if (!recomputed.equals(link.linkHash())) {
                    return broken(
                            expectedPosition - 1,
                            previous,
                            new ChainBreak(
                                    link.globalIndex(),
                                    link.chainPosition(),
                                    "CHANGED",
                                    "the event stored at global position " + link.globalIndex()
                                            + " is not the one that was chained there: its bytes were changed or"
                                            + " events were moved"));
                }
                if (!previous.equals(link.previousHash())) {
                    return broken(
                            expectedPosition - 1,
                            previous,
                            new ChainBreak(
                                    link.globalIndex(),
                                    link.chainPosition(),
                                    "LINK_MISMATCH",
                                    "the chain table's previous link at position " + link.chainPosition()
                                            + " was altered"));
                }
                for (Checkpoint checkpoint : checkpoints.getOrDefault(link.chainPosition(), List.of())) {
                    checkedCheckpoints++;
                    String problem = null;
                    if (!checkpoint.linkHash().equals(recomputed) || checkpoint.globalIndex() != link.globalIndex()) {
                        problem = "the checkpoint signed at " + checkpoint.signedAt()
                                + " does not match the recomputed chain";
                    } else if (!checkpoint.keyId().equals(key.keyId())
                            || !key.verify(checkpoint.message(), checkpoint.signature())) {
                        problem = "the checkpoint signed at " + checkpoint.signedAt()
                                + " does not carry a valid signature of key " + key.keyId();
                    }
                    if (problem != null) {
                        return broken(
                                expectedPosition - 1,
                                previous,
                                new ChainBreak(link.globalIndex(), link.chainPosition(), "BAD_CHECKPOINT", problem));
                    }
                }
                previous = recomputed;
                lastGlobalIndex = link.globalIndex();
                expectedPosition++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long checked = expectedPosition - 1;
        return new ChainVerification(
                true, checked, checked, checked == 0 ? null : lastGlobalIndex, previous, checkedCheckpoints, null);
    }

    private ChainVerification broken(long checked, String head, ChainBreak problem) {
        return new ChainVerification(false, checked, checked, null, head, 0, problem);
    }

    /** The first stored event strictly between two consecutive chained ones that is not in the chain. */
    private ChainBreak unchainedBetween(long after, long before) {
        if (before <= after + 1) {
            return null;
        }
        return jdbc.sql("SELECT MIN(e.global_index) FROM domain_event_entry e LEFT JOIN event_chain c"
                        + " ON c.global_index = e.global_index WHERE e.global_index > :after"
                        + " AND e.global_index < :before AND c.global_index IS NULL")
                .param("after", after)
                .param("before", before)
                .query(Long.class)
                .optional()
                .map(globalIndex -> new ChainBreak(
                        globalIndex,
                        null,
                        "UNCHAINED",
                        "an event at global position " + globalIndex
                                + " sits between chained events but was never chained (inserted or moved)"))
                .orElse(null);
    }

    private Map<Long, List<Checkpoint>> checkpointsBetween(long from, long to) {
        return jdbc
                .sql("SELECT chain_position, global_index, link_hash, signed_at, key_id, signature"
                        + " FROM chain_checkpoint WHERE chain_position BETWEEN :from AND :to"
                        + " ORDER BY checkpoint_id")
                .param("from", from)
                .param("to", to)
                .query(Checkpoint::map)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Checkpoint::chainPosition));
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        ChainLink link = new ChainLink(
                rs.getLong("chain_position"),
                rs.getLong("chained_index"),
                rs.getString("previous_hash"),
                rs.getString("link_hash"));
        rs.getLong("global_index");
        StoredEvent event = rs.wasNull() ? null : StoredEvent.map(rs, rowNum);
        return new Row(link, event);
    }

    private record Row(ChainLink link, StoredEvent event) {}
}
