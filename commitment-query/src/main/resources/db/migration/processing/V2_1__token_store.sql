-- Axon's JDBC token store (JdbcTokenStore with the snake-case TokenSchema of QuerySideConfiguration).
CREATE TABLE token_entry (
    processor_name  VARCHAR(255) NOT NULL,
    segment         INTEGER      NOT NULL,
    token           BYTEA,
    token_type      VARCHAR(255),
    token_timestamp VARCHAR(255),
    owner           VARCHAR(255),
    CONSTRAINT pk_token_entry PRIMARY KEY (processor_name, segment)
);
