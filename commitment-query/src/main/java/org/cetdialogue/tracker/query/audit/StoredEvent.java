package org.cetdialogue.tracker.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of Axon's {@code domain_event_entry} exactly as stored: the bytes of the payload and of the metadata are
 * those written at the time, which is what the hash chain covers.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /** The columns {@link #map} reads, qualified with the alias {@code e}. */
    public static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    public static StoredEvent map(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("type"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("time_stamp"),
                rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    /** The event class's simple name, such as {@code MouSignedEvent}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
