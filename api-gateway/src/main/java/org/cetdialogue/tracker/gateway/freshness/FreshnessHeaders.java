package org.cetdialogue.tracker.gateway.freshness;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cetdialogue.tracker.api.query.PositionReached;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.gateway.projection.ProjectionController;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read of a projection says how fresh it is, in headers so the JSON bodies keep their shape: {@code
 * X-Projection-Position} (global position of the last event the projection applied), {@code X-Projection-Lag} (events
 * in the store beyond it) and {@code X-Projection-State} ({@code current} or {@code rebuilding, N%}). They are read
 * before the query runs, so the body reflects at least that position.
 *
 * <p>Read-your-writes: a read may ask for a minimum position ({@link MinimumPosition}: {@code minPosition} or {@code
 * X-Min-Position}), the {@code X-Event-Position} a write answered. It then waits, at most {@code
 * tracker.read-your-writes.max-wait} (default 2 s), until its projection has applied every event up to it, and is
 * answered from the projection as it is then (the read cache computes that answer afresh); the headers are read after
 * the wait. A position beyond the last stored event is a 400. Past the bound, {@link ProjectionBehindException}: a
 * {@code 503} problem with {@code Retry-After} and the headers saying where the projection is, rather than a state
 * without the write the client asked to see.
 */
@Configuration(proxyBeanMethods = false)
public class FreshnessHeaders implements WebMvcConfigurer {

    public static final String POSITION = "X-Projection-Position";
    public static final String LAG = "X-Projection-Lag";
    public static final String STATE = "X-Projection-State";

    /** Set on a read that waited for its minimum position: its answer is computed afresh, never reused. */
    public static final String MIN_POSITION_REACHED = FreshnessHeaders.class.getName() + ".minPositionReached";
    /** The stamped paths and the projection each reads (the OpenAPI document lists the headers for these). */
    public static final Map<String, String> STAMPED = stamped();

    private final ProjectionFreshness freshness;
    private final Duration maxWait;

    public FreshnessHeaders(
            ProjectionFreshness freshness, @Value("${tracker.read-your-writes.max-wait:PT2S}") Duration maxWait) {
        this.freshness = freshness;
        this.maxWait = maxWait;
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

    /** The OpenAPI document lists the minimum position on every read of a projection. */
    @Bean
    OperationCustomizer minimumPositionParameters() {
        return (operation, handler) -> {
            GetMapping get = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), GetMapping.class);
            if (get == null || handler.getBeanType() != ProjectionController.class) {
                return operation;
            }
            String description = "a global position a write answered (X-Event-Position): wait, at most "
                    + "tracker.read-your-writes.max-wait, until the projection has applied it (503 past the bound)";
            operation.addParametersItem(new QueryParameter()
                    .name(MinimumPosition.PARAMETER)
                    .required(false)
                    .description(description)
                    .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
            return operation.addParametersItem(new HeaderParameter()
                    .name(MinimumPosition.HEADER)
                    .required(false)
                    .description("the same as " + MinimumPosition.PARAMETER)
                    .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
        };
    }

    /** Stamps GET responses with the freshness of one projection. */
    private final class Stamp implements HandlerInterceptor {

        private final String processingGroup;

        Stamp(String processingGroup) {
            this.processingGroup = processingGroup;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!"GET".equals(request.getMethod())) {
                return true;
            }
            Long minPosition = MinimumPosition.of(request);
            boolean reached = minPosition == null || awaitPosition(minPosition);
            Freshness now = freshness.of(processingGroup);
            if (minPosition != null && reached) {
                // this instance's own segments may not have seen it yet where another instance holds the rest
                now = now.atLeast(minPosition);
            }
            if (now.position() != null) {
                response.setHeader(POSITION, Long.toString(now.position()));
                response.setHeader(LAG, Long.toString(now.lag()));
            }
            response.setHeader(STATE, now.describe());
            if (!reached) {
                throw new ProjectionBehindException(processingGroup, minPosition, now.position());
            }
            if (minPosition != null) {
                request.setAttribute(MIN_POSITION_REACHED, Boolean.TRUE);
            }
            return true;
        }

        private boolean awaitPosition(long minPosition) {
            PositionReached now = freshness.reached(processingGroup, minPosition);
            if (now != null && now.reached()) {
                return true;
            }
            Freshness current = freshness.of(processingGroup);
            if (current.position() != null && current.lag() != null) {
                long head = current.position() + current.lag();
                if (minPosition > head) {
                    throw InvalidRequestException.badRequest(MinimumPosition.PARAMETER + " " + minPosition
                            + " is beyond the last stored event (position " + head + ")");
                }
            }
            return freshness.awaitPosition(processingGroup, minPosition, maxWait);
        }
    }
}
