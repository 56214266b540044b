package org.cetdialogue.tracker.gateway.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A projection's freshness as the gateway reports it: an update reflects at least its event; the state header. */
class FreshnessTest {

    @Test
    void anUpdateSentRightAfterItsEventReflectsAtLeastThatEvent() {
        Freshness recorded = new Freshness(100L, 3L, false, null);

        assertThat(recorded.atLeast(102)).isEqualTo(new Freshness(102L, 1L, false, null));
        assertThat(recorded.atLeast(90)).isSameAs(recorded);
        Freshness rebuilding = new Freshness(40L, 60L, true, 40);
        assertThat(rebuilding.atLeast(102)).isSameAs(rebuilding);
    }

    @Test
    void aRebuildSaysHowFarItHasGot() {
        assertThat(new Freshness(50L, 160L, true, 25).describe()).isEqualTo("rebuilding, 25%");
        assertThat(new Freshness(120L, 0L, false, null).describe()).isEqualTo("current");
    }
}
