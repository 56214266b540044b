package org.cetdialogue.tracker.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/openapi.yaml} is the running tracker's {@code /v3/api-docs}, so that the linter in
 * {@code .ci/run} and the generated client read the contract the application really serves. When they differ, the
 * live document is written to {@code api-gateway/target/openapi/openapi.yaml}; run this test with
 * {@code -Dtracker.openapi.write=true} to write it to {@code docs/openapi.yaml} instead, and review the diff.
 */
@SharedTracker
class OpenApiDocumentHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedDocumentIsTheLiveOne(TrackerClient client) throws IOException {
        TrackerClient.Response live = client.get(null, "/v3/api-docs");
        assertThat(live.status()).isEqualTo(200);
        // through YAML and back, so that both sides are read the same way
        JsonNode served = ContractFiles.YAML.readTree(ContractFiles.yaml(JSON.readTree(live.body())));
        Path committed = ContractFiles.committedDocument();
        String text = ContractFiles.yaml(served);
        if (Boolean.getBoolean("tracker.openapi.write")) {
            Files.writeString(committed, text, StandardCharsets.UTF_8);
        }
        JsonNode onDisk = Files.exists(committed) ? ContractFiles.read(committed) : JSON.createObjectNode();
        if (!served.equals(onDisk)) {
            Path written = Path.of("target", "openapi", "openapi.yaml");
            Files.createDirectories(written.getParent());
            Files.writeString(written, text, StandardCharsets.UTF_8);
            List<String> differences = new ArrayList<>();
            differences(served, onDisk, "", differences);
            throw new AssertionError("docs/openapi.yaml is not the live /v3/api-docs; differences (first 30):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(30, differences.size())))
                    + "\nThe live document is in " + written.toAbsolutePath()
                    + ". Regenerate: ./mvnw -B -ntp verify -pl api-gateway -am -Dtest=OpenApiDocumentHttpTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dtracker.openapi.write=true"
                    + " (or copy that file to docs/openapi.yaml), then review the diff.");
        }
    }

    /** The JSON pointers at which the two documents differ. */
    private static void differences(JsonNode live, JsonNode committed, String at, List<String> out) {
        if (live.equals(committed)) {
            return;
        }
        if (!live.isContainerNode() || !committed.isContainerNode() || live.isArray() != committed.isArray()) {
            out.add(at + ": live " + abbreviate(live) + ", committed " + abbreviate(committed));
            return;
        }
        if (live.isArray()) {
            for (int i = 0; i < Math.max(live.size(), committed.size()); i++) {
                differences(live.path(i), committed.path(i), at + "/" + i, out);
            }
            return;
        }
        for (Iterator<String> names = live.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            differences(live.get(name), committed.path(name), at + "/" + name.replace("/", "~1"), out);
        }
        for (Iterator<String> names = committed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!live.has(name)) {
                out.add(at + "/" + name.replace("/", "~1") + ": only in the committed document");
            }
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
