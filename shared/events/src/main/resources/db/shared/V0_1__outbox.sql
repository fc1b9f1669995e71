-- Transactional outbox: an event is written in the same transaction as the change that causes it and relayed to
-- RabbitMQ with publisher confirms; rows stay unsent while the broker is down.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    event_type   TEXT        NOT NULL,
    envelope     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE published_at IS NULL;
