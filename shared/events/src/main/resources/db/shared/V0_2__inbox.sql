-- Idempotent consumers: (consumer, event_id) is recorded in the same transaction as the work, so a redelivered
-- event is recognised and changes nothing.
CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
