package org.cetdialogue.tracker.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records what the HTTP tests see: every (method, route, status) a tracker started by {@link RunningTracker} answers,
 * once each, as tab-separated lines in {@code target/observed-statuses/}. The route is the matched pattern
 * ({@code /api/commitments/{id}}) where Spring MVC matched one, else the request's path (a request refused before it,
 * say by the security filters). {@code DocumentedStatusesIT} compares them with the OpenAPI document after the suite.
 * Not a {@code @Configuration}: the application's component scan covers this package; it applies only where
 * {@code RunningTracker} adds it as a source.
 */
public class ObservedStatuses {

    /** Where the observations go, relative to the module (the test JVM's working directory). */
    public static final Path DIRECTORY = Path.of("target", "observed-statuses");

    private static final Path FILE = DIRECTORY.resolve("statuses-" + UUID.randomUUID() + ".tsv");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> observedStatusesFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Recorder());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static final class Recorder extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                record(request.getMethod(), route(request), response.getStatus());
            }
        }

        private static String route(HttpServletRequest request) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (pattern instanceof String matched && !matched.equals("/error") && !matched.contains("*")) {
                return matched;
            }
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }

    static void record(String method, String route, int status) {
        String line = method + "\t" + route.replaceAll("[\\t\\r\\n]", "_") + "\t" + status;
        if (!SEEN.add(line)) {
            return;
        }
        synchronized (SEEN) {
            try {
                Files.createDirectories(DIRECTORY);
                Files.writeString(
                        FILE,
                        line + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
