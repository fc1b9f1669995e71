-- When a homework's deadline got its current value (the assignment, or an edit that changed it): the scheduler
-- does not send a deadline reminder whose moment came before it (docs/domain/notifications.md#reminders).
-- Deadline edits left no trace so far, so existing homework counts from its assignment.
ALTER TABLE homework ADD COLUMN deadline_set_at TIMESTAMPTZ;
UPDATE homework SET deadline_set_at = created_at;
ALTER TABLE homework ALTER COLUMN deadline_set_at SET NOT NULL;
