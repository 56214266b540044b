package org.cetdialogue.tracker.query.audit.chain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain's links in chain order, for a walk beside the event stream: read a page at a time, each page with the
 * checkpoints signed at its links. Only the links of events with a global position in {@code (after, until]}.
 */
public final class ChainLinks {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final long after;
    private final long until;
    private final Deque<ChainLink> page = new ArrayDeque<>();
    private Map<Long, List<Checkpoint>> signed = Map.of();
    private long lastPosition;
    private boolean allRead;

    public ChainLinks(JdbcClient jdbc, Checkpoints checkpoints, long after, long until) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.after = after;
        this.until = until;
    }

    /** The next link not yet passed; null after the last. */
    public ChainLink next() {
        if (page.isEmpty() && !allRead) {
            List<ChainLink> links = jdbc.sql("SELECT chain_position, global_index, previous_hash, link_hash"
                            + " FROM event_chain WHERE chain_position > :position AND global_index > :after"
                            + " AND global_index <= :until ORDER BY chain_position LIMIT :limit")
                    .param("position", lastPosition)
                    .param("after", after)
                    .param("until", until)
                    .param("limit", PAGE)
                    .query(ChainLink::map)
                    .list();
            allRead = links.size() < PAGE;
            page.addAll(links);
            signed = links.isEmpty()
                    ? Map.of()
                    : checkpoints
                            .between(
                                    links.get(0).chainPosition(),
                                    links.get(links.size() - 1).chainPosition())
                            .stream()
                            .collect(Collectors.groupingBy(Checkpoint::chainPosition));
        }
        return page.peekFirst();
    }

    /** Moves past the link {@link #next()} gave. */
    public void pass() {
        lastPosition = page.removeFirst().chainPosition();
    }

    /** The stored checkpoints signed at a link of the current page. */
    public List<Checkpoint> checkpointsAt(ChainLink link) {
        return signed.getOrDefault(link.chainPosition(), List.of());
    }
}
