-- A cancelled lesson stays at its date; its topic moves on (docs/domain/lessons.md). The cancelled occurrence
-- remembers which lesson took its topic, so the topic moves at most once and a family can follow it.
ALTER TABLE lessons ADD COLUMN topic_moved_to_lesson_id BIGINT;

-- Slots of a student's timetable that a tutor emptied on purpose: a lesson moved away (reschedule or a new
-- start_at) or deleted. Materialising a weekly template never fills them again; a lesson the tutor puts there
-- by hand is still allowed.
CREATE TABLE vacated_slots (
    tutor_id    BIGINT      NOT NULL,
    student_id  BIGINT      NOT NULL,
    start_at    TIMESTAMPTZ NOT NULL,
    lesson_id   BIGINT      NOT NULL,
    vacated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (student_id, tutor_id, start_at)
);
