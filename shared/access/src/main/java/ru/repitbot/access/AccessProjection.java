package ru.repitbot.access;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.UserEvents;

/**
 * Keeps {@code access_user}/{@code access_link} in step with user-service's events. Every write is an upsert or a
 * delete, so applying an event twice or replaying history gives the same result.
 */
public class AccessProjection {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;

    public AccessProjection(JdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    public void onCreated(EventEnvelope event) {
        UserEvents.Created u = codec.data(event, UserEvents.Created.class);
        jdbc.update("""
                INSERT INTO access_user (id, role, full_name, time_zone) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, full_name = EXCLUDED.full_name,
                  time_zone = EXCLUDED.time_zone""", u.userId(), u.role(), u.fullName(), u.timeZone());
        if (u.tutorIds() != null) {
            u.tutorIds().forEach(t -> link("tutor", t, u.userId()));
        }
        if (u.parentIds() != null) {
            u.parentIds().forEach(p -> link("parent", p, u.userId()));
        }
    }

    public void onUpdated(EventEnvelope event) {
        UserEvents.Updated u = codec.data(event, UserEvents.Updated.class);
        if (u.changes() == null) {
            return;
        }
        if (u.changes().containsKey("full_name")) {
            jdbc.update("UPDATE access_user SET full_name = ? WHERE id = ?", u.changes().get("full_name"),
                    u.userId());
        }
        if (u.changes().containsKey("time_zone")) {
            jdbc.update("UPDATE access_user SET time_zone = ? WHERE id = ?", u.changes().get("time_zone"),
                    u.userId());
        }
    }

    public void onDeleted(EventEnvelope event) {
        UserEvents.Deleted u = codec.data(event, UserEvents.Deleted.class);
        jdbc.update("""
                INSERT INTO access_user (id, role, deleted) VALUES (?, ?, TRUE)
                ON CONFLICT (id) DO UPDATE SET deleted = TRUE""", u.userId(), u.role());
        jdbc.update("DELETE FROM access_link WHERE user_id = ? OR student_id = ?", u.userId(), u.userId());
    }

    public void onLinked(EventEnvelope event) {
        UserEvents.Linked l = codec.data(event, UserEvents.Linked.class);
        link(l.kind().name(), l.userId(), l.studentId());
    }

    public void onUnlinked(EventEnvelope event) {
        UserEvents.Unlinked l = codec.data(event, UserEvents.Unlinked.class);
        jdbc.update("DELETE FROM access_link WHERE kind = ? AND user_id = ? AND student_id = ?",
                l.kind().name(), l.userId(), l.studentId());
    }

    private void link(String kind, long userId, long studentId) {
        jdbc.update("""
                INSERT INTO access_link (kind, user_id, student_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                kind, userId, studentId);
    }
}
