-- Idempotency keys of POST requests, per user: the first request with a key claims it (the primary key makes the
-- claim atomic), runs, and stores its answer; a retry with the same key and the same request gets that answer back.
-- response_status is NULL while the first request is still in flight. Rows expire (tracker.idempotency.expiry).
CREATE TABLE idempotency_key (
    username              VARCHAR(200)  NOT NULL,
    idempotency_key       VARCHAR(200)  NOT NULL,
    request_fingerprint   VARCHAR(64)   NOT NULL,
    response_status       INTEGER,
    response_content_type VARCHAR(200),
    response_location     VARCHAR(1000),
    response_body         BYTEA,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (username, idempotency_key)
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
