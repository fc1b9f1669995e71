-- Idempotency-Keys of the POSTs that create money or lessons (GUIDE §4), per caller, remembered for
-- repitbot.idempotency.ttl (24 h): the same key with the same request returns the resource it first created.
-- A key is claimed in the creating transaction (resource_id set before commit), so a failed request leaves no row.
CREATE TABLE idempotency_key (
    caller      TEXT        NOT NULL,
    request_key TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    resource_id BIGINT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, request_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
