-- When a lesson got its current start (creation, reschedule, or an edit of start_at): the scheduler does not send
-- a reminder whose moment came before it (docs/domain/notifications.md#reminders). NULL while a make-up is undated.
ALTER TABLE lessons ADD COLUMN start_set_at TIMESTAMPTZ;

-- Existing lessons: the last move of their start that the outbox still remembers (a lesson.rescheduled, or a
-- lesson.updated that changed the date), else their creation.
WITH moves AS (
    SELECT envelope::jsonb ->> 'aggregate_id' AS lesson_id, max(created_at) AS last_move
    FROM outbox_event
    WHERE event_type = 'lesson.rescheduled'
       OR (event_type = 'lesson.updated' AND (envelope::jsonb -> 'data' -> 'changes' -> 'date') IS NOT NULL)
    GROUP BY 1
)
UPDATE lessons l
SET start_set_at = GREATEST(l.created_at, COALESCE((SELECT m.last_move FROM moves m WHERE m.lesson_id = l.id::text),
                                                   l.created_at))
WHERE l.start_at IS NOT NULL;

-- The scheduler asks for the scheduled lessons starting in a window.
CREATE INDEX lessons_start_scheduled ON lessons (start_at) WHERE attendance_status = 'scheduled';
