-- activity: every event once, keyed by its global position in the event store, so a dashboard can resume the feed
-- from the last position it saw (the SSE id) with no gap and no duplicate.
CREATE TABLE activity_entry (
    global_position  BIGINT       NOT NULL,
    commitment_id    VARCHAR(80)  NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    summary          VARCHAR      NOT NULL,
    effective_on     DATE,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(100),
    side             VARCHAR(10),
    reason           VARCHAR,
    CONSTRAINT pk_activity_entry PRIMARY KEY (global_position)
);
