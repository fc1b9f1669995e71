-- A payment entered by mistake is voided, never deleted: the row stays with when, by whom and why it was voided.
-- A voided payment no longer counts towards the balance; the statement shows it and, at voided_at, its reversal.
ALTER TABLE payments
    ADD COLUMN voided_at   TIMESTAMPTZ,
    ADD COLUMN voided_by   TEXT,
    ADD COLUMN void_reason TEXT,
    ADD CONSTRAINT payments_void_is_complete CHECK ((voided_at IS NULL) = (voided_by IS NULL)),
    ADD CONSTRAINT payments_void_reason_only_when_voided CHECK (void_reason IS NULL OR voided_at IS NOT NULL);
