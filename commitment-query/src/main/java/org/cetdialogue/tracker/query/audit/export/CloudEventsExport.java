package org.cetdialogue.tracker.query.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.chain.ChainLink;
import org.cetdialogue.tracker.query.audit.chain.Checkpoint;
import org.cetdialogue.tracker.query.audit.chain.Checkpoints;
import org.cetdialogue.tracker.query.audit.history.AuditHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the chained history as CloudEvents 1.0 in JSON, one event per line ({@code application/x-ndjson}), read
 * from the store a page at a time so that no export is ever held in memory.
 *
 * <p>Each stored event becomes one CloudEvent: {@code id} (the event identifier), {@code source}
 * ({@value #SOURCE}), {@code type} (the event class), {@code time} (when it was recorded, as stored), {@code subject}
 * (the commitment), {@code data} (the payload as stored), the audit metadata as the extension attributes
 * {@code author}, {@code side}, {@code reason}, {@code correlationid}, and what an offline verifier needs to recompute
 * the hash chain: {@code sequence}, {@code aggregatetype}, {@code payloadrevision}, {@code globalindex},
 * {@code chainposition}, {@code chainprev}, {@code chainhash} and the exact stored bytes as {@code storedpayload} and
 * {@code storedmetadata} (base64). Each signed checkpoint follows the event it covers as a CloudEvent of type
 * {@value #CHECKPOINT_TYPE}, and the export ends with a checkpoint of its last event signed at export time.
 */
@Component
public class CloudEventsExport {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final String SOURCE = "urn:cet-commitment-tracker";
    public static final String CHECKPOINT_TYPE = "org.cetdialogue.tracker.audit.ChainCheckpoint";

    private static final int PAGE = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    public CloudEventsExport(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /**
     * Writes the chained events with a global index in {@code (after, until]} ({@code until} null: to the head), in
     * chain order, with their checkpoints. Returns how many events were written.
     */
    public long write(OutputStream out, long after, Long until) throws IOException {
        long position = 0;
        long written = 0;
        ChainLink last = null;
        boolean lastCheckpointed = false;
        while (true) {
            List<Row> page = jdbc.sql("SELECT c.chain_position, c.global_index AS chained_index, c.previous_hash,"
                            + " c.link_hash, " + StoredEvent.COLUMNS
                            + " FROM event_chain c JOIN domain_event_entry e ON e.global_index = c.global_index"
                            + " WHERE c.chain_position > :position AND c.global_index > :after"
                            + (until == null ? "" : " AND c.global_index <= :until")
                            + " ORDER BY c.chain_position LIMIT :limit")
                    .param("position", position)
                    .param("after", after)
                    .param("until", until == null ? Long.MAX_VALUE : until)
                    .param("limit", PAGE)
                    .query(CloudEventsExport::row)
                    .list();
            if (page.isEmpty()) {
                break;
            }
            Map<Long, List<Checkpoint>> stored = checkpoints
                    .between(
                            page.get(0).link().chainPosition(),
                            page.get(page.size() - 1).link().chainPosition())
                    .stream()
                    .collect(Collectors.groupingBy(Checkpoint::chainPosition));
            for (Row row : page) {
                writeEvent(out, row);
                written++;
                List<Checkpoint> signed = stored.getOrDefault(row.link().chainPosition(), List.of());
                for (Checkpoint checkpoint : signed) {
                    writeCheckpoint(out, checkpoint, true);
                }
                last = row.link();
                lastCheckpointed = !signed.isEmpty();
                position = row.link().chainPosition();
            }
            out.flush();
        }
        if (last != null && !lastCheckpointed) {
            writeCheckpoint(out, checkpoints.sign(last), false);
        }
        out.flush();
        return written;
    }

    private static void writeEvent(OutputStream out, Row row) throws IOException {
        StoredEvent event = row.event();
        JsonNode metaData = AuditHistory.metaData(event);
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("specversion", "1.0");
        json.writeStringField("id", event.eventIdentifier());
        json.writeStringField("source", SOURCE);
        json.writeStringField("type", event.payloadType());
        json.writeStringField("time", event.timeStamp());
        json.writeStringField("subject", event.aggregateIdentifier());
        json.writeStringField("datacontenttype", "application/json");
        json.writeFieldName("data");
        json.writeRawValue(new String(event.payload(), StandardCharsets.UTF_8));
        optional(json, "author", metaData.get(AuditMetadata.USERNAME));
        optional(json, "side", metaData.get(AuditMetadata.SIDE));
        optional(json, "reason", metaData.get(AuditMetadata.REASON));
        optional(json, "correlationid", metaData.get(AuditMetadata.CORRELATION_ID));
        json.writeNumberField("sequence", event.sequenceNumber());
        if (event.type() != null) {
            json.writeStringField("aggregatetype", event.type());
        }
        if (event.payloadRevision() != null) {
            json.writeStringField("payloadrevision", event.payloadRevision());
        }
        json.writeNumberField("globalindex", event.globalIndex());
        json.writeNumberField("chainposition", row.link().chainPosition());
        json.writeStringField("chainprev", row.link().previousHash());
        json.writeStringField("chainhash", row.link().linkHash());
        json.writeStringField("storedpayload", Base64.getEncoder().encodeToString(event.payload()));
        if (event.metaData() != null) {
            json.writeStringField("storedmetadata", Base64.getEncoder().encodeToString(event.metaData()));
        }
        json.writeEndObject();
        json.close();
        out.write('\n');
    }

    private static void writeCheckpoint(OutputStream out, Checkpoint checkpoint, boolean stored) throws IOException {
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("specversion", "1.0");
        json.writeStringField(
                "id",
                "checkpoint-" + checkpoint.chainPosition() + "-" + checkpoint.signedAt() + (stored ? "" : "-export"));
        json.writeStringField("source", SOURCE);
        json.writeStringField("type", CHECKPOINT_TYPE);
        json.writeStringField("time", checkpoint.signedAt());
        json.writeStringField("subject", "event-chain");
        json.writeStringField("datacontenttype", "application/json");
        json.writeObjectFieldStart("data");
        json.writeNumberField("chainPosition", checkpoint.chainPosition());
        json.writeNumberField("globalIndex", checkpoint.globalIndex());
        json.writeStringField("linkHash", checkpoint.linkHash());
        json.writeStringField("signedAt", checkpoint.signedAt());
        json.writeStringField("keyId", checkpoint.keyId());
        json.writeStringField("algorithm", "Ed25519");
        json.writeStringField("signedMessage", checkpoint.message());
        json.writeStringField("signature", checkpoint.signature());
        json.writeBooleanField("storedInTracker", stored);
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        out.write('\n');
    }

    private static void optional(JsonGenerator json, String name, JsonNode value) throws IOException {
        if (value != null && !value.isNull()) {
            json.writeStringField(name, value.asText());
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                new ChainLink(
                        rs.getLong("chain_position"),
                        rs.getLong("chained_index"),
                        rs.getString("previous_hash"),
                        rs.getString("link_hash")),
                StoredEvent.map(rs, rowNum));
    }

    private record Row(ChainLink link, StoredEvent event) {}
}
