package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × route matrix. The routes are not listed here: they are read from the running application's own
 * {@code RequestMappingHandlerMapping}, so a route added later is walked too. Each route must match a rule of
 * {@link #RULES} (path prefix and method), which says who may call it; a route that matches none fails the test, so a
 * new route cannot ship without someone deciding who may use it. Every cell is then called for real: anonymous
 * (expected 401 unless public), a VIEWER, an AUDITOR and a SECRETARIAT of each side (403 when their role is not
 * allowed; when allowed, never 401/403/5xx, and a 2xx or 3xx for a GET whose path variables are known).
 */
class RouteRulesMatrixTest {

    enum Caller {
        ANONYMOUS(null),
        VIEWER_US(Role.VIEWER),
        VIEWER_ROK(Role.VIEWER),
        AUDITOR_US(Role.AUDITOR),
        AUDITOR_ROK(Role.AUDITOR),
        SECRETARIAT_US(Role.SECRETARIAT),
        SECRETARIAT_ROK(Role.SECRETARIAT);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }

        String username() {
            return name().toLowerCase().replace('_', '-');
        }

        String side() {
            return name().substring(name().indexOf('_') + 1);
        }

        Map<String, String> credentials() {
            return role == null ? null : Map.of(username(), "pw-" + username());
        }
    }

    /** Who may call a route: {@code roles} empty and {@code open} true is public; both empty is nobody. */
    record Access(boolean open, Set<Role> roles) {
        static final Access PUBLIC = new Access(true, EnumSet.noneOf(Role.class));
        static final Access NOBODY = new Access(false, EnumSet.noneOf(Role.class));
        static final Access READERS = new Access(false, EnumSet.allOf(Role.class));
        static final Access AUDITORS = new Access(false, EnumSet.of(Role.AUDITOR));
        static final Access SECRETARIAT = new Access(false, EnumSet.of(Role.SECRETARIAT));

        boolean allows(Caller caller) {
            return open || (caller.role != null && roles.contains(caller.role));
        }
    }

    /** A path (exactly, or with anything below it when {@code subtree}) and a method (null: any method). */
    record Rule(String method, String path, boolean subtree, Access access) {
        boolean matches(String routeMethod, String pattern) {
            boolean methodMatches = method == null || method.equals(routeMethod);
            boolean pathMatches = pattern.equals(path) || (subtree && pattern.startsWith(path + "/"));
            return methodMatches && pathMatches;
        }
    }

    /** The access rules, written independently of SecurityConfiguration: the test checks the one against the other. */
    static final List<Rule> RULES = List.of(
            new Rule(null, "/error", false, Access.NOBODY),
            new Rule(null, "/api/audit", true, Access.AUDITORS),
            new Rule("POST", "/api/commitments", true, Access.SECRETARIAT),
            new Rule("GET", "/api/commitments", true, Access.READERS),
            new Rule("GET", "/api/areas", true, Access.READERS),
            new Rule("GET", "/api/funding", true, Access.READERS),
            new Rule("GET", "/api/stream", true, Access.READERS),
            new Rule("GET", "/api/session", false, Access.READERS),
            new Rule("GET", "/api/sign-in", false, Access.PUBLIC),
            new Rule("GET", "/", false, Access.PUBLIC),
            new Rule("GET", "/index.html", false, Access.PUBLIC),
            new Rule("GET", "/dashboard", true, Access.PUBLIC),
            new Rule("GET", "/v3/api-docs", true, Access.PUBLIC),
            new Rule("GET", "/v3/api-docs.yaml", false, Access.NOBODY),
            new Rule("GET", "/swagger-ui.html", false, Access.PUBLIC));

    private static final String COMMITMENT = "quantum-matrix-mou";

    @TempDir
    static Path dataDirectory;

    static RunningTracker tracker;
    static TrackerClient client;

    @BeforeAll
    static void start() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        List<String> properties = new ArrayList<>(List.of("tracker.seed.enabled=false"));
        int i = 0;
        for (Caller caller : Caller.values()) {
            if (caller.role == null) {
                continue;
            }
            String prefix = "tracker.security.users[" + i++ + "].";
            properties.add(prefix + "username=" + caller.username());
            properties.add(prefix + "password-hash=" + bcrypt.encode("pw-" + caller.username()));
            properties.add(prefix + "role=" + caller.role.name());
            properties.add(prefix + "side=" + caller.side());
        }
        // the default users are replaced as a whole, as a site's own file would replace them
        properties.add("tracker.security.users[" + i + "].username=us-secretariat");
        properties.add("tracker.security.users[" + i + "].password-hash=" + bcrypt.encode("us-secretariat-demo"));
        properties.add("tracker.security.users[" + i + "].role=SECRETARIAT");
        properties.add("tracker.security.users[" + i + "].side=US");
        tracker = RunningTracker.start(dataDirectory, properties.toArray(String[]::new));
        client = tracker.client();
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(COMMITMENT))
                        .status())
                .isEqualTo(201);
        // reads of the commitment answer 2xx only once its view is projected
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get(US_SECRETARIAT, "/api/commitments/" + COMMITMENT)
                                .status()
                        == 200);
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void theDemoViewerIsGoneWhenTheUsersAreReplaced() {
        assertThat(client.get(TrackerClient.VIEWER, "/api/areas").status()).isEqualTo(401);
    }

    @Test
    void everyMappedRouteHasARuleAndEveryCallerGetsWhatTheRuleSays() {
        Map<String, Access> routes = routesWithTheirRule();
        List<String> mismatches = new ArrayList<>();
        StringBuilder matrix = new StringBuilder();
        for (Map.Entry<String, Access> route : routes.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String pattern = route.getKey().substring(route.getKey().indexOf(' ') + 1);
            String path = concrete(pattern);
            matrix.append(String.format("%-6s %-55s", method, pattern));
            for (Caller caller : Caller.values()) {
                int status = call(caller, method, path);
                matrix.append(' ').append(status);
                String problem = check(route.getValue(), caller, method, pattern, status);
                if (problem != null) {
                    mismatches.add(method + " " + path + " as " + caller + ": " + problem);
                }
            }
            matrix.append('\n');
        }
        System.out.println("route matrix (" + List.of(Caller.values()) + "):\n" + matrix);

        assertThat(routes).containsKeys("POST /api/commitments", "GET /api/commitments/{id}", "GET /error");
        assertThat(mismatches).isEmpty();
    }

    /** Every route of the handler mapping with the rule it falls under; fails listing those with none. */
    private static Map<String, Access> routesWithTheirRule() {
        RequestMappingHandlerMapping mapping =
                tracker.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Map<String, Access> routes = new LinkedHashMap<>();
        Set<String> withoutRule = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            List<String> methods = declared.isEmpty()
                    ? List.of("GET", "POST")
                    : declared.stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    RULES.stream()
                            .filter(rule -> rule.matches(method, pattern))
                            .findFirst()
                            .ifPresentOrElse(
                                    rule -> routes.put(method + " " + pattern, rule.access()),
                                    () -> withoutRule.add(method + " " + pattern + " -> "
                                            + entry.getValue().getShortLogMessage()));
                }
            }
        }
        assertThat(withoutRule)
                .as("routes without an access rule in RouteRulesMatrixTest.RULES (and SecurityConfiguration)")
                .isEmpty();
        return routes;
    }

    private static String check(Access access, Caller caller, String method, String pattern, int status) {
        if (!access.allows(caller)) {
            int expected = caller.role == null ? 401 : 403;
            return status == expected ? null : "expected " + expected + ", got " + status;
        }
        if (status == 401 || status == 403 || status >= 500) {
            return "expected to be let through, got " + status;
        }
        // only a commitment id and an area are known values; any other variable (a replay id) may answer 404
        boolean variablesKnown =
                pattern.replace("commitments/{id}", "").replace("{area}", "").indexOf('{') < 0
                        && !pattern.contains("*");
        if ("GET".equals(method) && variablesKnown && status >= 400) {
            return "expected a 2xx or 3xx, got " + status;
        }
        return null;
    }

    private static int call(Caller caller, String method, String path) {
        if ("GET".equals(method)) {
            return client.head(caller.credentials(), method, path).status();
        }
        Response response = client.exchange(caller.credentials(), method, path, "{}");
        return response.status();
    }

    private static String concrete(String pattern) {
        return pattern.replace("{id}", COMMITMENT)
                .replace("{area}", "QUANTUM")
                .replaceAll("\\{[^}]*}", "x")
                .replace("**", "x")
                .replace("*", "x");
    }
}
