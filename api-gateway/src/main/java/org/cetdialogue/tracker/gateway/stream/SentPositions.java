package org.cetdialogue.tracker.gateway.stream;

import java.util.TreeSet;

/**
 * The activity entries one stream has sent, by global position, so that each goes out once. Positions are not
 * committed in the order they are allocated: two writes on different commitments may take positions 100 and 101 and
 * commit 101 first, so the feed receives 101 before 100. A stream therefore remembers the positions it sent (the most
 * recent {@value #WINDOW}), not only the highest: 100 still goes out after 101, and an entry that comes both in the
 * backlog and as an update goes out once.
 */
final class SentPositions {

    static final int WINDOW = 4096;

    private final TreeSet<Long> recent = new TreeSet<>();
    private long floor;
    private long highest;

    /** {@code after}: the client has every entry up to this position already (-1: none). */
    SentPositions(long after) {
        this.floor = after;
        this.highest = after;
    }

    /** True if {@code position} is to be sent now (and is then counted as sent); false if it went out already. */
    synchronized boolean markSent(long position) {
        if (position <= floor || !recent.add(position)) {
            return false;
        }
        highest = Math.max(highest, position);
        while (recent.size() > WINDOW) {
            floor = recent.pollFirst();
        }
        return true;
    }

    /** The highest position sent (or the one the client resumed after); -1 when none. */
    synchronized long highest() {
        return highest;
    }
}
