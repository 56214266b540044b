package org.cetdialogue.tracker.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a cross-site {@code POST /login} or {@code POST /logout} (login CSRF, forced sign-out) with 403. A browser
 * says where a request comes from: {@code Sec-Fetch-Site} (every current browser) must be {@code same-origin} (or
 * {@code none}, a request the user made directly); failing that, {@code Origin}, and failing that the origin of
 * {@code Referer}, must be the tracker's own origin (its scheme, host and port as this request reached it, which
 * behind a trusted proxy come from the forwarded headers). A request with none of the three comes from no browser, so
 * it cannot ride on a browser's cookies, and is let through. The dashboard's own {@code fetch} is same-origin; the
 * identity provider's return ({@code GET /login/oauth2/code/...}) is a GET and is not checked.
 */
final class SameOriginSignInFilter extends OncePerRequestFilter {

    /** Writes the refusal (a problem). */
    interface Refusal {
        void write(HttpServletResponse response) throws IOException;
    }

    private static final Set<String> CHECKED_PATHS = Set.of("/login", "/logout");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Refusal refusal;

    SameOriginSignInFilter(Refusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (CHECKED_PATHS.contains(path) && !SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(request)) {
            refusal.write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return ownOrigin(request).equalsIgnoreCase(origin.trim());
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return ownOrigin(request).equalsIgnoreCase(originOf(referer));
        }
        return true;
    }

    /** {@code scheme://host[:port]}, the port left out where it is the scheme's default. */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort || port <= 0 ? "" : ":" + port);
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "";
            }
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            String hostAndPort = at < 0 ? authority : authority.substring(at + 1);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") && hostAndPort.endsWith(":80"))
                    || (scheme.equals("https") && hostAndPort.endsWith(":443"))) {
                hostAndPort = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
            }
            return scheme + "://" + hostAndPort;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
