-- Each event is in the activity feed once, whatever position its tracking token reported: a redelivered event is
-- recognised by its commitment and sequence number, the event's identity in the store.
CREATE UNIQUE INDEX ux_activity_entry_event ON activity_entry (commitment_id, sequence_number);
