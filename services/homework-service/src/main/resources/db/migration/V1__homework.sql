-- Lessons as lesson-service's events describe them: which tutor and student a lesson belongs to, its topic and
-- date (kept current through updates, reschedules and topic shifts). A deleted lesson stays as a tombstone, so a
-- late or replayed older event cannot bring it back; "version" is the lesson's aggregate_version.
CREATE TABLE lesson (
    lesson_id  BIGINT PRIMARY KEY,
    tutor_id   BIGINT      NOT NULL,
    student_id BIGINT      NOT NULL,
    topic      TEXT,
    start_at   TIMESTAMPTZ,
    is_makeup  BOOLEAN     NOT NULL DEFAULT FALSE,
    version    BIGINT      NOT NULL,
    deleted    BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX lesson_student ON lesson (student_id);

-- Homework assignments; a lesson may have several (Q13). student_id/tutor_id are copied from the lesson so
-- ownership checks and lists need no join.
CREATE TABLE homework (
    id                          BIGSERIAL PRIMARY KEY,
    lesson_id                   BIGINT      NOT NULL REFERENCES lesson (lesson_id) ON DELETE CASCADE,
    student_id                  BIGINT      NOT NULL,
    tutor_id                    BIGINT      NOT NULL,
    description                 TEXT        NOT NULL,
    deadline                    TIMESTAMPTZ NOT NULL,
    link                        TEXT,
    photo_file_ids              TEXT[]      NOT NULL DEFAULT '{}',
    status                      TEXT        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'submitted', 'checked')),
    submission_text             TEXT,
    submission_photo_file_ids   TEXT[]      NOT NULL DEFAULT '{}',
    submission_document_file_id TEXT,
    submitted_at                TIMESTAMPTZ,
    checked_at                  TIMESTAMPTZ,
    returned_at                 TIMESTAMPTZ,
    tutor_comment               TEXT,
    created_by                  TEXT,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                     BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX homework_lesson ON homework (lesson_id);
CREATE INDEX homework_student ON homework (student_id, created_at DESC);
CREATE INDEX homework_tutor ON homework (tutor_id, created_at DESC);
CREATE INDEX homework_pending_deadline ON homework (deadline) WHERE status = 'pending';

-- Uploaded files: the tutor's (kind 'assignment') and the student's (kind 'submission'). Kept in PostgreSQL so an
-- upload commits or rolls back with the homework it belongs to, and backups hold everything.
CREATE TABLE homework_attachment (
    id           BIGSERIAL PRIMARY KEY,
    homework_id  BIGINT      NOT NULL REFERENCES homework (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL CHECK (kind IN ('assignment', 'submission')),
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    sha256       TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    uploaded_by  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX homework_attachment_homework ON homework_attachment (homework_id, id);
