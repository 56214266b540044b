package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cetdialogue.tracker.api.commitment.Country;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The demo users are the README's, and their published passwords are refused in configured users. */
class DemoUsersTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

    @Test
    void eachDemoUsersHashIsItsPublishedPassword() {
        assertThat(DemoUsers.ALL)
                .extracting(DemoUsers.DemoUser::username)
                .containsExactly("us-secretariat", "rok-secretariat", "auditor", "viewer");
        for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
            assertThat(bcrypt.matches(demo.publishedPassword(), demo.passwordHash()))
                    .as(demo.username())
                    .isTrue();
        }
    }

    @Test
    void aConfiguredUserWithAPublishedPasswordStopsTheStartUnlessDemoUsersAreAllowed() {
        var site = new TrackerUsersProperties(
                List.of(user("kim", "kim's own passphrase"), user("lee", "auditor-demo")), false);

        assertThatThrownBy(() -> DemoPasswordGuard.check(site, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tracker.security.users[1] (lee) has a published demo password")
                .hasMessageContaining("TRACKER_DEMO_USERS=true");
        assertThatNoException()
                .isThrownBy(() -> DemoPasswordGuard.check(new TrackerUsersProperties(site.users(), true), true));
    }

    @Test
    void ownPasswordsPassAndPasswordSignInWithNoOneToSignInStopsTheStart() {
        assertThatNoException()
                .isThrownBy(() -> DemoPasswordGuard.check(
                        new TrackerUsersProperties(List.of(user("kim", "kim's own passphrase")), false), true));
        assertThatThrownBy(() -> DemoPasswordGuard.check(new TrackerUsersProperties(List.of(), false), true))
                .hasMessageContaining("no users are configured");
        // with sign-in through the identity provider only, no users are needed
        assertThatNoException()
                .isThrownBy(() -> DemoPasswordGuard.check(new TrackerUsersProperties(List.of(), false), false));
    }

    private TrackerUsersProperties.UserEntry user(String name, String password) {
        return new TrackerUsersProperties.UserEntry(name, bcrypt.encode(password), Role.VIEWER, Country.US);
    }
}
