-- Read models. Each can be dropped and rebuilt from the events; each remembers the last event sequence it applied
-- per commitment, so a replay or a redelivery changes nothing.

-- commitment-view: the current state of each commitment: its scalar fields as a small JSON document, its milestones
-- and funding facts as rows (so an event costs the same whether the commitment has ten events or ten thousand).
CREATE TABLE commitment_view (
    commitment_id    VARCHAR(80)  NOT NULL,
    area             VARCHAR(40)  NOT NULL,
    last_sequence    BIGINT       NOT NULL,
    document         VARCHAR      NOT NULL,
    CONSTRAINT pk_commitment_view PRIMARY KEY (commitment_id)
);

CREATE TABLE commitment_view_milestone (
    commitment_id   VARCHAR(80)   NOT NULL,
    sequence_number BIGINT        NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    achieved_on     DATE          NOT NULL,
    CONSTRAINT pk_commitment_view_milestone PRIMARY KEY (commitment_id, sequence_number)
);

CREATE TABLE commitment_view_funding (
    commitment_id   VARCHAR(80)    NOT NULL,
    sequence_number BIGINT         NOT NULL,
    stage           VARCHAR(20)    NOT NULL,
    funder          VARCHAR(200)   NOT NULL,
    currency        CHAR(3)        NOT NULL,
    amount          NUMERIC(22, 4) NOT NULL,
    lower_bound     BOOLEAN        NOT NULL,
    value_date      DATE           NOT NULL,
    CONSTRAINT pk_commitment_view_funding PRIMARY KEY (commitment_id, sequence_number)
);

-- area-status: one row a commitment, grouped per area at query time (seven areas, tens of rows each).
CREATE TABLE area_commitment (
    commitment_id             VARCHAR(80)  NOT NULL,
    area                      VARCHAR(40)  NOT NULL,
    kind                      VARCHAR(40)  NOT NULL,
    title_en                  VARCHAR(300) NOT NULL,
    title_ko                  VARCHAR(300) NOT NULL,
    status                    VARCHAR(20)  NOT NULL,
    reached_status            VARCHAR(20)  NOT NULL,
    assessment                VARCHAR(20)  NOT NULL,
    milestone_count           INTEGER      NOT NULL,
    target_date               DATE,
    last_activity_on          DATE,
    last_recorded_at          TIMESTAMP WITH TIME ZONE,
    last_sequence             BIGINT       NOT NULL,
    CONSTRAINT pk_area_commitment PRIMARY KEY (commitment_id)
);
CREATE INDEX ix_area_commitment_area ON area_commitment (area);

-- funding-totals: every funding fact (after corrections); totals are sums per stage, never across stages.
CREATE TABLE funding_commitment (
    commitment_id VARCHAR(80) NOT NULL,
    area          VARCHAR(40) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    CONSTRAINT pk_funding_commitment PRIMARY KEY (commitment_id)
);

CREATE TABLE funding_entry (
    commitment_id   VARCHAR(80)    NOT NULL,
    sequence_number BIGINT         NOT NULL,
    area            VARCHAR(40)    NOT NULL,
    stage           VARCHAR(20)    NOT NULL,
    funder          VARCHAR(200)   NOT NULL,
    currency        CHAR(3)        NOT NULL,
    amount          NUMERIC(22, 4) NOT NULL,
    lower_bound     BOOLEAN        NOT NULL,
    value_date      DATE           NOT NULL,
    CONSTRAINT pk_funding_entry PRIMARY KEY (commitment_id, sequence_number)
);
CREATE INDEX ix_funding_entry_area ON funding_entry (area);

-- history: the events of each commitment in order, with who, when and why.
CREATE TABLE history_entry (
    commitment_id      VARCHAR(80)  NOT NULL,
    sequence_number    BIGINT       NOT NULL,
    event_id           VARCHAR(255) NOT NULL,
    event_type         VARCHAR(100) NOT NULL,
    summary            VARCHAR      NOT NULL,
    effective_on       DATE,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              VARCHAR(100),
    side               VARCHAR(10),
    reason             VARCHAR,
    correlation_id     VARCHAR(100),
    corrected_sequence BIGINT,
    CONSTRAINT pk_history_entry PRIMARY KEY (commitment_id, sequence_number)
);
