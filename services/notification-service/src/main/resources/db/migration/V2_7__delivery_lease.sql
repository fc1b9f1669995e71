-- The delivery engine's lease on the rows it is sending (docs/domain/notifications.md#sending-through-telegram).
-- A replica marks the rows it took 'sending' with its name and a lease; a row still 'sending' after its lease (the
-- replica crashed mid-send) goes back to 'queued', and that is recorded in delivery_attempt, since Telegram may have
-- received it: the only way a message can go out twice.
ALTER TABLE outgoing_message
    ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(80),
    ADD COLUMN IF NOT EXISTS lease_until TIMESTAMPTZ;

-- Expired leases are looked for on every poll; only rows in flight are indexed.
CREATE INDEX IF NOT EXISTS outgoing_message_leased ON outgoing_message (lease_until) WHERE status = 'sending';
-- A person whose message is in flight is not taken again by another replica, so one chat's messages go in order.
CREATE INDEX IF NOT EXISTS outgoing_message_sending_recipient ON outgoing_message (recipient_id) WHERE status = 'sending';
-- Their queued rows are ended at once when they turn out unreachable.
CREATE INDEX IF NOT EXISTS outgoing_message_queued_recipient ON outgoing_message (recipient_id) WHERE status = 'queued';
