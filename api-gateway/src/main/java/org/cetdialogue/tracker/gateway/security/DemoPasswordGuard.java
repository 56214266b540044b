package org.cetdialogue.tracker.gateway.security;

import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Refuses to start a tracker whose configured users include a published demo password, unless demo users are allowed
 * explicitly ({@code tracker.security.demo-users=true}); and one that offers password sign-in to no one.
 */
final class DemoPasswordGuard {

    private DemoPasswordGuard() {}

    static void check(TrackerUsersProperties properties, boolean passwordSignIn) {
        if (properties.demoUsers()) {
            return;
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<TrackerUsersProperties.UserEntry> users = properties.users();
        for (int i = 0; i < users.size(); i++) {
            TrackerUsersProperties.UserEntry user = users.get(i);
            for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
                if (bcrypt.matches(demo.publishedPassword(), user.passwordHash())) {
                    throw new IllegalStateException("tracker.security.users[" + i + "] (" + user.username()
                            + ") has a published demo password (" + demo.username() + "'s from the README): give"
                            + " them a password of their own, or set tracker.security.demo-users=true"
                            + " (TRACKER_DEMO_USERS=true) to run a demonstration on purpose");
                }
            }
        }
        if (passwordSignIn && users.isEmpty()) {
            throw new IllegalStateException("Password sign-in is on (tracker.security.http-basic.enabled) but no users"
                    + " are configured and the demo users are off: configure tracker.security.users (in the file"
                    + " named by TRACKER_CONFIG_FILE), sign in through an identity provider (the jwt profile), or set"
                    + " TRACKER_DEMO_USERS=true for a demonstration");
        }
    }
}
