package org.cetdialogue.tracker.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentPositionsTest {

    @Test
    void anEntryCommittedAfterAHigherPositionStillGoesOutOnce() {
        SentPositions sent = new SentPositions(-1);

        assertThat(sent.markSent(101)).isTrue();
        assertThat(sent.markSent(100)).as("committed after 101").isTrue();
        assertThat(sent.markSent(100)).as("again, from the backlog").isFalse();
        assertThat(sent.markSent(101)).isFalse();
        assertThat(sent.highest()).isEqualTo(101);
    }

    @Test
    void whatTheClientResumedAfterIsNotSentAgain() {
        SentPositions sent = new SentPositions(19);

        assertThat(sent.markSent(19)).isFalse();
        assertThat(sent.markSent(12)).isFalse();
        assertThat(sent.markSent(20)).isTrue();
        assertThat(sent.highest()).isEqualTo(20);
    }

    @Test
    void remembersAWindowOfRecentPositionsAndCountsOlderOnesAsSent() {
        SentPositions sent = new SentPositions(-1);
        for (long p = 1; p <= SentPositions.WINDOW + 10; p++) {
            assertThat(sent.markSent(p)).isTrue();
        }
        assertThat(sent.markSent(5)).as("below the window").isFalse();
        assertThat(sent.markSent(SentPositions.WINDOW + 5)).isFalse();
        assertThat(sent.markSent(SentPositions.WINDOW + 11)).isTrue();
    }
}
