package org.cetdialogue.tracker.gateway.freshness;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cetdialogue.tracker.api.query.Projections;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read of a projection says how fresh it is, in headers so the JSON bodies keep their shape: {@code
 * X-Projection-Position} (global position of the last event the projection applied), {@code X-Projection-Lag} (events
 * in the store beyond it) and {@code X-Projection-State} ({@code current} or {@code rebuilding, N%}). They are read
 * before the query runs, so the body reflects at least that position.
 */
@Configuration(proxyBeanMethods = false)
public class FreshnessHeaders implements WebMvcConfigurer {

    public static final String POSITION = "X-Projection-Position";
    public static final String LAG = "X-Projection-Lag";
    public static final String STATE = "X-Projection-State";

    /** The stamped paths and the projection each reads (the OpenAPI document lists the headers for these). */
    public static final Map<String, String> STAMPED = stamped();

    private final ProjectionFreshness freshness;

    public FreshnessHeaders(ProjectionFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        STAMPED.forEach(
                (path, group) -> registry.addInterceptor(new Stamp(group)).addPathPatterns(path));
    }

    private static Map<String, String> stamped() {
        Map<String, String> stamped = new LinkedHashMap<>();
        stamped.put("/api/areas", Projections.AREA_STATUS);
        stamped.put("/api/areas/*", Projections.AREA_STATUS);
        stamped.put("/api/commitments", Projections.AREA_STATUS);
        stamped.put("/api/commitments/*", Projections.COMMITMENT_VIEW);
        stamped.put("/api/commitments/*/history", Projections.HISTORY);
        stamped.put("/api/funding", Projections.FUNDING_TOTALS);
        return Collections.unmodifiableMap(stamped);
    }

    /** Stamps GET responses with the freshness of one projection. */
    private final class Stamp implements HandlerInterceptor {

        private final String processingGroup;

        Stamp(String processingGroup) {
            this.processingGroup = processingGroup;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if ("GET".equals(request.getMethod())) {
                Freshness now = freshness.of(processingGroup);
                if (now.position() != null) {
                    response.setHeader(POSITION, Long.toString(now.position()));
                    response.setHeader(LAG, Long.toString(now.lag()));
                }
                response.setHeader(STATE, now.describe());
            }
            return true;
        }
    }
}
