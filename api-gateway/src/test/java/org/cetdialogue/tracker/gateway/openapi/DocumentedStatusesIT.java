package org.cetdialogue.tracker.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cetdialogue.tracker.support.ObservedStatuses;
import org.junit.jupiter.api.Test;

/**
 * After the HTTP suite (failsafe runs this after surefire): every status the tests observed on an operation of the
 * OpenAPI document is documented for that operation. The observations are those {@link ObservedStatuses} recorded in
 * {@code target/observed-statuses/}; the document is {@code docs/openapi.yaml}, which {@code OpenApiDocumentHttpTest}
 * keeps identical to the live one. Requests to routes the document does not describe (the dashboard page, actuator,
 * made-up paths) are not operations and are left out. On success the observations are removed, so the next run
 * (the PostgreSQL run of {@code .ci/run}) starts afresh.
 */
class DocumentedStatusesIT {

    /** An operation of the document: its method, its path template as a pattern, and the statuses it documents. */
    private record Operation(String method, String path, Pattern pattern, Set<String> statuses) {}

    @Test
    void everyObservedStatusIsDocumented() throws IOException {
        List<Path> files = observations();
        assumeTrue(!files.isEmpty(), "no HTTP test ran in this build: nothing observed");
        List<Operation> operations = operations(ContractFiles.read(ContractFiles.committedDocument()));

        Map<String, Set<String>> observed = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    continue;
                }
                Operation operation = find(operations, fields[0], fields[1]);
                if (operation == null) {
                    continue;
                }
                String name = operation.method() + " " + operation.path();
                if (observed.computeIfAbsent(name, n -> new TreeSet<>()).add(fields[2])
                        && !operation.statuses().contains(fields[2])
                        && !operation.statuses().contains("default")) {
                    undocumented.add(name + " answered " + fields[2] + " (as " + fields[1] + "); documented: "
                            + operation.statuses());
                }
            }
        }
        System.out.printf("observed statuses of %d of the %d operations:%n", observed.size(), operations.size());
        observed.forEach((operation, statuses) -> System.out.println("  " + operation + " " + statuses));
        operations.stream()
                .map(o -> o.method() + " " + o.path())
                .filter(name -> !observed.containsKey(name))
                .forEach(name -> System.out.println("  not exercised by the HTTP tests: " + name));

        assertThat(undocumented)
                .as("statuses the tests observed that docs/openapi.yaml does not document: add a rule to ApiContract"
                        + " (or fix the route), regenerate docs/openapi.yaml (OpenApiDocumentHttpTest)")
                .isEmpty();
        for (Path file : files) {
            Files.delete(file);
        }
    }

    private static List<Path> observations() throws IOException {
        if (!Files.isDirectory(ObservedStatuses.DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ObservedStatuses.DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Pattern pattern = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                Set<String> statuses = new TreeSet<>();
                method.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                operations.add(
                        new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern, statuses));
            }
        }
        return operations;
    }

    /** The operation a request was for: its route exactly, else the template its path matches (literal ones first). */
    private static Operation find(List<Operation> operations, String method, String route) {
        Operation byTemplate = null;
        for (Operation operation : operations) {
            if (!operation.method().equals(method)) {
                continue;
            }
            if (operation.path().equals(route)) {
                return operation;
            }
            if (operation.pattern().matcher(route).matches()
                    && (byTemplate == null || templated(byTemplate) > templated(operation))) {
                byTemplate = operation;
            }
        }
        return byTemplate;
    }

    private static long templated(Operation operation) {
        return operation.path().chars().filter(c -> c == '{').count();
    }
}
