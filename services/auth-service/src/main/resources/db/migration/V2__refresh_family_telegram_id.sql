-- The Telegram id a login was made with. Refresh ends the login (reason 'unbound') once user-service no longer binds
-- the user to this id: the access code was reset (telegram_id unbound, or later bound to another account).
-- NULL for families started before this column existed; those are not checked.
ALTER TABLE refresh_family ADD COLUMN telegram_id BIGINT;
