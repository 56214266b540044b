package org.cetdialogue.tracker.query.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.audit.Checkpoint;
import org.cetdialogue.tracker.api.audit.ExportPage;
import org.cetdialogue.tracker.api.audit.FindExportPageQuery;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.cetdialogue.tracker.query.audit.chain.ChainLink;
import org.cetdialogue.tracker.query.audit.chain.ChainLinks;
import org.cetdialogue.tracker.query.audit.chain.Checkpoints;
import org.cetdialogue.tracker.query.audit.history.AuditHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the chained history as CloudEvents 1.0 in JSON, one event per line ({@code application/x-ndjson}), read
 * from the event store's stream through Axon ({@link StoredEvents}) beside the chain's links, a page at a time, so
 * that no export is ever held in memory: the gateway asks for the pages in turn ({@link FindExportPageQuery}) and
 * writes each to its response as it comes.
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

    public static final String SOURCE = "urn:cet-commitment-tracker";
    public static final String CHECKPOINT_TYPE = "org.cetdialogue.tracker.audit.ChainCheckpoint";

    private static final JsonFactory JSON = new JsonFactory();

    private final JdbcClient jdbc;
    private final StoredEvents events;
    private final Checkpoints checkpoints;

    public CloudEventsExport(JdbcClient jdbc, StoredEvents events, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.events = events;
        this.checkpoints = checkpoints;
    }

    /**
     * The page of at most {@code limit} chained events with a global index in {@code (after, until]} ({@code until}
     * null: to the head), in chain order, each followed by its stored checkpoints; the last page ends with a checkpoint
     * of its last event signed now, unless a stored one already follows it.
     */
    @QueryHandler
    public ExportPage handle(FindExportPageQuery query) {
        int limit = Math.max(1, Math.min(query.limit(), FindExportPageQuery.MAX_LIMIT));
        Writer writer = new Writer(query.after(), query.until(), limit);
        events.forEach(query.after(), query.until() == null ? StoredEvents.TO_THE_HEAD : query.until(), writer::event);
        return writer.finish();
    }

    /**
     * The chain's links beside the event store's stream: each chained event becomes a line with its link, until the
     * page is full and another chained event is seen.
     */
    private final class Writer {

        private final ChainLinks links;
        private final int limit;
        private final List<String> lines = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int written;
        private ChainLink last;
        private boolean lastCheckpointed;
        private boolean more;

        Writer(long after, Long until, int limit) {
            this.links = new ChainLinks(jdbc, checkpoints, after, until == null ? Long.MAX_VALUE : until);
            this.limit = limit;
        }

        boolean event(StoredEvent event) {
            try {
                ChainLink link = links.next();
                // a chained event the store no longer has is left out (the verifier names it)
                while (link != null && link.globalIndex() < event.globalIndex()) {
                    links.pass();
                    link = links.next();
                }
                if (link == null) {
                    return false; // past the chain's head
                }
                if (link.globalIndex() > event.globalIndex()) {
                    return true; // not chained: not exported
                }
                if (written == limit) {
                    more = true; // the next page starts with this event
                    return false;
                }
                writeEvent(line, new Row(link, event));
                add();
                written++;
                List<Checkpoint> signed = links.checkpointsAt(link);
                for (Checkpoint checkpoint : signed) {
                    writeCheckpoint(line, checkpoint, true);
                    add();
                }
                last = link;
                lastCheckpointed = !signed.isEmpty();
                links.pass();
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ExportPage finish() {
            if (more) {
                return new ExportPage(lines, last.globalIndex());
            }
            if (last != null && !lastCheckpointed) {
                try {
                    writeCheckpoint(line, checkpoints.sign(last), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                add();
            }
            return new ExportPage(lines, null);
        }

        private void add() {
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
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
    }

    private static void optional(JsonGenerator json, String name, JsonNode value) throws IOException {
        if (value != null && !value.isNull()) {
            json.writeStringField(name, value.asText());
        }
    }

    private record Row(ChainLink link, StoredEvent event) {}
}
