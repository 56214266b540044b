package org.cetdialogue.tracker.gateway.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a request may carry ({@code tracker.http.*}): the body size (larger bodies answer 413) and the
 * shape of its JSON (deeper nesting, longer strings, names or numbers answer 400).
 */
@Validated
@ConfigurationProperties(prefix = "tracker.http")
public record HttpLimitsProperties(
        @NotNull @DefaultValue("256KB") DataSize maxBodySize,
        @Min(1) @DefaultValue("32") int maxJsonDepth,
        @Min(1) @DefaultValue("10000") int maxJsonStringLength,
        @Min(1) @DefaultValue("200") int maxJsonNameLength,
        @Min(1) @DefaultValue("40") int maxJsonNumberLength) {}
