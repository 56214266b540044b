package org.cetdialogue.tracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.cetdialogue.tracker.support.Writers.Write;

/** Checks what a commitment's view and history hold against what the writers were answered. */
public final class StoredWrites {

    private StoredWrites() {}

    /**
     * Every acknowledged pledge is stored exactly once at the version it was answered with; no funder is stored twice
     * (a write that got no answer may be stored, once); the commitment's sequences run 0..version without a hole.
     */
    public static void assertEachAcknowledgedWriteStoredOnce(JsonNode view, JsonNode history, List<Write> writes) {
        Map<String, Long> storedAt = new HashMap<>();
        List<Long> sequences = new ArrayList<>();
        for (JsonNode entry : view.get("funding")) {
            String funder = entry.get("funder").asText();
            assertThat(storedAt.put(funder, entry.get("sequence").asLong()))
                    .as("pledge of %s stored twice", funder)
                    .isNull();
        }
        for (Write write : writes) {
            if (write.acknowledged()) {
                assertThat(storedAt.get(write.funder()))
                        .as("acknowledged pledge of %s at version %d", write.funder(), write.version())
                        .isEqualTo(write.version());
            }
        }
        long version = view.get("version").asLong();
        history.get("entries")
                .forEach(entry -> sequences.add(entry.get("sequence").asLong()));
        assertThat(sequences)
                .as("sequences without holes")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(0, version).boxed().toList());
    }
}
