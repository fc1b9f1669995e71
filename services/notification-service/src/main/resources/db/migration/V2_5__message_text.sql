-- Messages and broadcasts (docs/domain/notifications.md#q17-messages-are-stored). body_text is what the recipient
-- reads (a line saying who wrote, then the words, HTML-escaped); message_text keeps the sender's own words as typed,
-- for the conversation view. NULL for notices (no author) and for a message of files alone.
-- (Numbered 2.5 so that other V2 migrations of issue 11 can sit beside it.)
ALTER TABLE outgoing_message ADD COLUMN message_text TEXT;
