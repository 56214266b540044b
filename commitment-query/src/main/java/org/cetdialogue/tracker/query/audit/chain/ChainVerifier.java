package org.cetdialogue.tracker.query.audit.chain;

import org.cetdialogue.tracker.api.audit.ChainVerification;
import org.cetdialogue.tracker.api.audit.ChainVerification.ChainBreak;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the stored events, trusting nothing but the events themselves and the signing key:
 * the events are read through Axon's event store ({@link StoredEvents}) in global order, beside the chain's links
 * ({@link ChainLinks}). Each link must equal the hash of the stored event and the recomputed previous link, each signed
 * checkpoint must carry a valid signature over the recomputed link, and no unchained event may sit among chained ones.
 * Events stored after the verification began, and those the chain has not reached yet, are not checked.
 */
@Component
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final StoredEvents events;
    private final Checkpoints checkpoints;
    private final SigningKey key;

    public ChainVerifier(JdbcClient jdbc, StoredEvents events, Checkpoints checkpoints, SigningKey key) {
        this.jdbc = jdbc;
        this.events = events;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    public ChainVerification verify() {
        long head = events.headPosition();
        Walk walk = new Walk(head);
        events.forEach(StoredEvents.FROM_THE_START, head, walk::check);
        return walk.finish();
    }

    /** The chain walked beside the event stream: where it has got to, and the first break if there is one. */
    private final class Walk {

        private final long storeHead;
        private final ChainLinks links = new ChainLinks(jdbc, checkpoints, Long.MIN_VALUE, Long.MAX_VALUE);
        private String previous = ChainHash.GENESIS;
        private long expectedPosition = 1;
        private long lastGlobalIndex;
        private long checkedCheckpoints;
        private ChainVerification broken;

        Walk(long storeHead) {
            this.storeHead = storeHead;
        }

        /** One stored event, in global order; false once there is nothing more to check. */
        boolean check(StoredEvent event) {
            ChainLink link = links.next();
            if (link == null) {
                return false; // past the chain's head: not chained yet
            }
            if (link.chainPosition() != expectedPosition) {
                return breaks(new ChainBreak(
                        link.globalIndex(),
                        expectedPosition,
                        "LINK_MISMATCH",
                        "chain link " + expectedPosition + " is missing from the chain table"));
            }
            if (event.globalIndex() < link.globalIndex()) {
                return breaks(new ChainBreak(
                        event.globalIndex(),
                        null,
                        "UNCHAINED",
                        "an event at global position " + event.globalIndex()
                                + " sits between chained events but was never chained (inserted or moved)"));
            }
            if (event.globalIndex() > link.globalIndex()) {
                return breaks(deleted(link));
            }
            String recomputed = ChainHash.link(previous, event);
            if (!recomputed.equals(link.linkHash())) {
                return breaks(new ChainBreak(
                        link.globalIndex(),
                        link.chainPosition(),
                        "CHANGED",
                        "the event stored at global position " + link.globalIndex()
                                + " is not the one that was chained there: its bytes were changed or events were"
                                + " moved"));
            }
            if (!previous.equals(link.previousHash())) {
                return breaks(new ChainBreak(
                        link.globalIndex(),
                        link.chainPosition(),
                        "LINK_MISMATCH",
                        "the chain table's previous link at position " + link.chainPosition() + " was altered"));
            }
            for (Checkpoint checkpoint : links.checkpointsAt(link)) {
                String problem = checkpointProblem(checkpoint, link, recomputed);
                if (problem != null) {
                    return breaks(new ChainBreak(link.globalIndex(), link.chainPosition(), "BAD_CHECKPOINT", problem));
                }
                checkedCheckpoints++;
            }
            previous = recomputed;
            lastGlobalIndex = link.globalIndex();
            expectedPosition++;
            links.pass();
            return true;
        }

        /**
         * What is wrong with a checkpoint of {@code link}, or null. A key id that is not this tracker's names both, the
         * expected one and the one found; a signature that does not verify under the right key id says so, naming the
         * key once.
         */
        private String checkpointProblem(Checkpoint checkpoint, ChainLink link, String recomputed) {
            String which =
                    "the checkpoint of chain position " + link.chainPosition() + " signed at " + checkpoint.signedAt();
            if (!checkpoint.linkHash().equals(recomputed) || checkpoint.globalIndex() != link.globalIndex()) {
                return which + " does not match the recomputed chain";
            }
            if (!checkpoint.keyId().equals(key.keyId())) {
                return which + " names signing key " + checkpoint.keyId() + ", not this tracker's key " + key.keyId();
            }
            if (!key.verify(checkpoint.message(), checkpoint.signature())) {
                return which + " names this tracker's key " + key.keyId()
                        + " but its signature does not verify with it: the signature or the signed fields were altered";
            }
            return null;
        }

        ChainVerification finish() {
            if (broken != null) {
                return broken;
            }
            // a chained event the store no longer has, after its last event (chained events stored after the
            // verification began are left for the next one)
            ChainLink link = links.next();
            if (link != null && link.globalIndex() <= storeHead) {
                breaks(
                        link.chainPosition() == expectedPosition
                                ? deleted(link)
                                : new ChainBreak(
                                        link.globalIndex(),
                                        expectedPosition,
                                        "LINK_MISMATCH",
                                        "chain link " + expectedPosition + " is missing from the chain table"));
                return broken;
            }
            return verification(true, null);
        }

        /**
         * The answer so far: the head is the last link that checked out, named by both its chain position and its
         * global index (both absent, 0 and null, when no link did).
         */
        private ChainVerification verification(boolean intact, ChainBreak firstBreak) {
            long checked = expectedPosition - 1;
            return new ChainVerification(
                    intact,
                    checked,
                    checked,
                    checked == 0 ? null : lastGlobalIndex,
                    previous,
                    checkedCheckpoints,
                    firstBreak);
        }

        private ChainBreak deleted(ChainLink link) {
            return new ChainBreak(
                    link.globalIndex(),
                    link.chainPosition(),
                    "DELETED",
                    "the event at global position " + link.globalIndex() + " was chained but is no longer stored");
        }

        private boolean breaks(ChainBreak problem) {
            broken = verification(false, problem);
            return false;
        }
    }
}
