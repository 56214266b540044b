package org.cetdialogue.tracker.query.audit.chain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the head of the hash chain: every {@code tracker.audit.checkpoint-every} links (by the chain processor), and
 * every {@code tracker.audit.checkpoint-interval} if the head moved since the last checkpoint.
 */
@Component
public class Checkpoints {

    private final JdbcClient jdbc;
    private final SigningKey key;
    private final Clock clock;

    public Checkpoints(JdbcClient jdbc, SigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /** Signs {@code link} without storing it (an export ends with one of these for its last event). */
    public Checkpoint sign(ChainLink link) {
        String signedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        String signature =
                key.sign(Checkpoint.message(link.chainPosition(), link.globalIndex(), link.linkHash(), signedAt));
        return new Checkpoint(
                link.chainPosition(), link.globalIndex(), link.linkHash(), signedAt, key.keyId(), signature);
    }

    /** Signs {@code link} and stores the checkpoint. */
    public Checkpoint store(ChainLink link) {
        Checkpoint checkpoint = sign(link);
        jdbc.sql("INSERT INTO chain_checkpoint (chain_position, global_index, link_hash, signed_at, key_id,"
                        + " signature) VALUES (:position, :globalIndex, :hash, :signedAt, :keyId, :signature)")
                .param("position", checkpoint.chainPosition())
                .param("globalIndex", checkpoint.globalIndex())
                .param("hash", checkpoint.linkHash())
                .param("signedAt", checkpoint.signedAt())
                .param("keyId", checkpoint.keyId())
                .param("signature", checkpoint.signature())
                .update();
        return checkpoint;
    }

    /** Signs the head now unless the last checkpoint already covers it. */
    @Scheduled(
            initialDelayString = "${tracker.audit.checkpoint-interval:PT1M}",
            fixedDelayString = "${tracker.audit.checkpoint-interval:PT1M}")
    @Transactional
    public Optional<Checkpoint> signHead() {
        Optional<ChainLink> head = head();
        long covered = jdbc.sql("SELECT COALESCE(MAX(chain_position), 0) FROM chain_checkpoint")
                .query(Long.class)
                .single();
        return head.filter(link -> link.chainPosition() > covered).map(this::store);
    }

    public Optional<ChainLink> head() {
        return jdbc.sql("SELECT chain_position, global_index, previous_hash, link_hash FROM event_chain"
                        + " ORDER BY chain_position DESC LIMIT 1")
                .query(ChainLink::map)
                .optional();
    }

    /** The stored checkpoints of positions {@code from}..{@code to}, in chain order. */
    public List<Checkpoint> between(long from, long to) {
        return jdbc.sql("SELECT chain_position, global_index, link_hash, signed_at, key_id, signature"
                        + " FROM chain_checkpoint WHERE chain_position BETWEEN :from AND :to"
                        + " ORDER BY chain_position, checkpoint_id")
                .param("from", from)
                .param("to", to)
                .query(Checkpoints::map)
                .list();
    }

    /** A row of {@code chain_position, global_index, link_hash, signed_at, key_id, signature}, by position. */
    private static Checkpoint map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Checkpoint(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
