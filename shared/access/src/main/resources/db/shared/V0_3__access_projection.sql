-- Who may see which student, kept from user-service's events (user.created/linked/unlinked/deleted), so each
-- service checks ownership itself without calling user-service on every request.
CREATE TABLE access_user (
    id        BIGINT PRIMARY KEY,
    role      TEXT    NOT NULL,
    full_name TEXT,
    time_zone TEXT,
    deleted   BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE access_link (
    kind       TEXT   NOT NULL,
    user_id    BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    PRIMARY KEY (kind, user_id, student_id)
);
CREATE INDEX access_link_student ON access_link (student_id);
