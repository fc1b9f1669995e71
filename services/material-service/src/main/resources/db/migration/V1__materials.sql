-- The materials library (docs/domain/materials.md). tutor_id NULL: published by an admin to every tutor.

-- array_to_string is only STABLE; a generated column needs an IMMUTABLE expression. Joining text with a space is
-- immutable in fact, so this wrapper says so.
CREATE FUNCTION material_words(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(array_to_string(tags, ' '), '');

CREATE TABLE material (
    id          bigserial PRIMARY KEY,
    tutor_id    bigint,
    title       varchar(200) NOT NULL,
    description text,
    grade       smallint CHECK (grade BETWEEN 1 AND 11),
    subject     varchar(100),
    tags        text[] NOT NULL DEFAULT '{}',
    links       text[] NOT NULL DEFAULT '{}',
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 1,
    -- Words of the title weigh most, then tags and subject, then the description; the Russian configuration
    -- stems them, so «дроби» finds «Дробь».
    search      tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('russian'::regconfig, title), 'A')
                    || setweight(to_tsvector('russian'::regconfig, material_words(tags)), 'B')
                    || setweight(to_tsvector('russian'::regconfig, coalesce(subject, '')), 'B')
                    || setweight(to_tsvector('russian'::regconfig, coalesce(description, '')), 'C')) STORED
);

CREATE INDEX material_search_idx ON material USING gin (search);
CREATE INDEX material_tutor_idx ON material (tutor_id, created_at DESC, id DESC);
CREATE INDEX material_newest_idx ON material (created_at DESC, id DESC);

CREATE TABLE material_file (
    id               bigserial PRIMARY KEY,
    material_id      bigint NOT NULL REFERENCES material (id) ON DELETE CASCADE,
    file_name        varchar(200) NOT NULL,
    content_type     varchar(200) NOT NULL,
    size_bytes       bigint NOT NULL,
    sha256           char(64) NOT NULL,
    storage_key      varchar(200) NOT NULL UNIQUE,
    telegram_file_id varchar(200),
    uploaded_by      varchar(100) NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX material_file_material_idx ON material_file (material_id, id);

-- A material attached to one lesson or one homework of a tutor's student; the student and parents see it through
-- this row. tutor_id and student_id are those of the lesson or homework, as their owner answered when attached.
CREATE TABLE material_attachment (
    id          bigserial PRIMARY KEY,
    material_id bigint NOT NULL REFERENCES material (id) ON DELETE CASCADE,
    lesson_id   bigint,
    homework_id bigint,
    tutor_id    bigint NOT NULL,
    student_id  bigint NOT NULL,
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK ((lesson_id IS NULL) <> (homework_id IS NULL))
);

CREATE UNIQUE INDEX material_attachment_lesson_uq ON material_attachment (material_id, lesson_id)
    WHERE lesson_id IS NOT NULL;
CREATE UNIQUE INDEX material_attachment_homework_uq ON material_attachment (material_id, homework_id)
    WHERE homework_id IS NOT NULL;
CREATE INDEX material_attachment_student_idx ON material_attachment (student_id, material_id);
CREATE INDEX material_attachment_lesson_idx ON material_attachment (lesson_id) WHERE lesson_id IS NOT NULL;
CREATE INDEX material_attachment_homework_idx ON material_attachment (homework_id) WHERE homework_id IS NOT NULL;
