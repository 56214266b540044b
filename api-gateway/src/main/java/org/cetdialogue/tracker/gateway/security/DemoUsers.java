package org.cetdialogue.tracker.gateway.security;

import java.util.List;
import org.cetdialogue.tracker.api.commitment.Country;

/**
 * The standalone mode's demo users, whose passwords the README publishes. They sign in only where
 * {@code tracker.security.demo-users} is true: the default standalone mode, never a production profile ({@code jwt},
 * {@code postgres}, {@code axonserver}) unless that setting is given explicitly. Their published passwords are also
 * what {@link DemoPasswordGuard} refuses in configured users.
 */
final class DemoUsers {

    record DemoUser(String username, String publishedPassword, String passwordHash, Role role, Country side) {

        TrackerUsersProperties.UserEntry entry() {
            return new TrackerUsersProperties.UserEntry(username, passwordHash, role, side);
        }
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser(
                    "us-secretariat",
                    "us-secretariat-demo",
                    "$2a$10$5djeuIyk2p50Eue1Wqxcwe61NjcuumAxsIBHIHARUwSQ.wzwLvD3a",
                    Role.SECRETARIAT,
                    Country.US),
            new DemoUser(
                    "rok-secretariat",
                    "rok-secretariat-demo",
                    "$2a$10$M86SiNPCjxyMbnC35hSqa.dQVYA3pFZTnQ8R8JlNKX.llmV1sOz6q",
                    Role.SECRETARIAT,
                    Country.ROK),
            new DemoUser(
                    "auditor",
                    "auditor-demo",
                    "$2a$10$dFxO0ZbqtDNft1W8L4xd8.WcnH4xyxgCL2vUQzEBXUJDN5VEE7Z8O",
                    Role.AUDITOR,
                    Country.ROK),
            new DemoUser(
                    "viewer",
                    "viewer-demo",
                    "$2a$10$1h0UxpH3t63G0wl5ec5rw.bFYkGccxcVDVEgbzrqYpNow7XmME0BS",
                    Role.VIEWER,
                    Country.US));

    private DemoUsers() {}
}
