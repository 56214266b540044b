package org.cetdialogue.tracker.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every meter follow Prometheus's conventions ({@code promtool check metrics} finds nothing): snake_case names
 * and label names, help text on every metric, units in base units and never abbreviated, {@code _count} only on
 * histograms and summaries.
 *
 * <p>Axon's {@code axon-micrometer} names its meters {@code <component>.<metric>} in camelCase
 * ({@code commandBus.successTimer}, tags {@code payloadType}, {@code processorName}) and describes none. They become:
 *
 * <ul>
 *   <li>{@code axon_<component>_handling_seconds{outcome="success|failure|ignored"}}: a timer per outcome (from
 *       {@code successTimer}, {@code failureTimer}, {@code ignoredTimer});
 *   <li>{@code axon_<component>_messages_total{outcome=...}}: a counter per outcome (from {@code successCounter}, ...);
 *   <li>{@code axon_<component>_messages_ingested_total}, {@code axon_<component>_capacity} and
 *       {@code axon_event_processor_latency};
 *   <li>labels {@code payload_type} and {@code processor}.
 * </ul>
 *
 * {@code allTimer} and {@code processedCounter} are dropped: each is the sum of the per-outcome series. The component
 * is Axon's in snake_case: {@code command_bus}, {@code event_store}, {@code query_bus}, {@code event_processor},
 * {@code query_update_emitter}. Of the other libraries' meters, two carry a unit in an abbreviation
 * ({@code jvm.compilation.time} in ms, {@code process.cpu.time} in ns) and are dropped ({@code process_cpu_usage}
 * remains), and {@code system.cpu.count} is renamed {@code system.cpu.processors}.
 */
public final class PrometheusConventions implements MeterFilter {

    private static final Pattern AXON_METER = Pattern.compile("([a-z][A-Za-z0-9]*)\\.("
            + "allTimer|successTimer|failureTimer|ignoredTimer|"
            + "ingestedCounter|processedCounter|successCounter|failureCounter|ignoredCounter|capacity|latency)");

    private static final Set<String> DROPPED = Set.of(
            "jvm.compilation.time", "process.cpu.time", "axon.dropped.all_timer", "axon.dropped.processed_counter");

    private static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpu.processors");

    private static final Map<String, String> TAG_NAMES = Map.of("processorName", "processor");

    /** Help text for the meters their libraries leave undescribed, by name or by name prefix (ending in a dot). */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("http.server.requests", "HTTP requests answered, by method, route (uri), status and outcome"),
            Map.entry("http.server.requests.active", "HTTP requests being answered now"),
            Map.entry("spring.security.authentications", "Authentications attempted by Spring Security"),
            Map.entry("spring.security.authentications.active", "Authentications by Spring Security in progress"),
            Map.entry("spring.security.authorizations", "Authorization decisions made by Spring Security"),
            Map.entry(
                    "spring.security.authorizations.active", "Authorization decisions by Spring Security in progress"),
            Map.entry("spring.security.http.secured.requests", "Requests through a Spring Security filter chain"),
            Map.entry("spring.security.http.secured.requests.active", "Requests in a Spring Security filter chain now"),
            Map.entry("spring.security.filterchains", "Time spent in Spring Security's filter chains"),
            Map.entry("spring.security.filterchains.active", "Requests in Spring Security's filter chains now"),
            Map.entry(
                    "spring.security.filterchains.",
                    "Requests reaching a filter of Spring Security's chains, before or after it ran"),
            Map.entry("tasks.scheduled.execution", "Runs of the tracker's scheduled tasks"),
            Map.entry("tasks.scheduled.execution.active", "Scheduled tasks running now"),
            Map.entry("tomcat.sessions.", "Tomcat HTTP sessions (the dashboard's browser sessions)"));

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return DROPPED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = RENAMED.getOrDefault(id.getName(), id.getName());
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.add(Tag.of(tagName(tag.getKey()), tag.getValue()));
        }
        String description = id.getDescription();
        Matcher axon = AXON_METER.matcher(name);
        if (axon.matches()) {
            String component = snakeCase(axon.group(1));
            String words =
                    axon.group(1).replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            String metric = axon.group(2);
            switch (metric) {
                case "allTimer", "processedCounter" -> name = "axon.dropped." + snakeCase(metric);
                case "successTimer", "failureTimer", "ignoredTimer" -> {
                    name = "axon." + component + ".handling";
                    tags.add(Tag.of("outcome", outcome(metric)));
                    description = "Time the " + words + " took to handle a message, from its arrival, by outcome";
                }
                case "successCounter", "failureCounter", "ignoredCounter" -> {
                    name = "axon." + component + ".messages";
                    tags.add(Tag.of("outcome", outcome(metric)));
                    description = "Messages the " + words + " has handled, by outcome";
                }
                case "ingestedCounter" -> {
                    name = "axon." + component + ".messages.ingested";
                    description = "Messages that reached the " + words + ", handled or not yet";
                }
                case "capacity" -> {
                    name = "axon." + component + ".capacity";
                    description = "Busy share of the " + words
                            + "'s handling time over the last minute (1: one thread busy all the time)";
                }
                default -> {
                    name = "axon." + component + ".latency";
                    description =
                            "Milliseconds between the last handled event's timestamp and its handling by the " + words;
                }
            }
        }
        if (description == null || description.isBlank()) {
            description = describe(name);
        }
        return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    private static String describe(String name) {
        String described = DESCRIPTIONS.get(name);
        if (described != null) {
            return described;
        }
        return DESCRIPTIONS.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".") && name.startsWith(e.getKey()))
                .map(e -> e.getValue() + ": "
                        + name.substring(e.getKey().length()).replace('.', ' '))
                .findFirst()
                .orElse("The meter " + name + " as its library names it");
    }

    private static String outcome(String metric) {
        return metric.replaceFirst("(Timer|Counter)$", "");
    }

    private static String tagName(String key) {
        return TAG_NAMES.getOrDefault(key, snakeCase(key));
    }

    /** {@code payloadType} → {@code payload_type}; names already in snake_case or dotted stay as they are. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
