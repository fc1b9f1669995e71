-- Each fact of a lesson keeps the version of the event that last set it, so lesson events applied out of order (two
-- replicas consuming at once, a redelivery after a newer event) end in the newest state of every fact: an older
-- event may still fill in a fact no newer event has told, never overwrite one a newer event set
-- (docs/domain/payments.md#charging; LessonCharge). Rows so far had all their facts set by their version.
ALTER TABLE lesson_charges
    ADD COLUMN attendance_version BIGINT,
    ADD COLUMN date_version       BIGINT,
    ADD COLUMN makeup_version     BIGINT;
UPDATE lesson_charges SET attendance_version = version, date_version = version, makeup_version = version;
ALTER TABLE lesson_charges
    ALTER COLUMN attendance_version SET NOT NULL,
    ALTER COLUMN date_version       SET NOT NULL,
    ALTER COLUMN makeup_version     SET NOT NULL;
