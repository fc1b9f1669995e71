package ru.repitbot.access;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.events.catalogue.UserEvents;

/**
 * Keeps {@code access_user}/{@code access_link} in step with user-service's events. Every write is an upsert or a
 * delete, so applying an event twice or replaying history gives the same result.
 */
public class AccessProjection {

    private final JdbcTemplate jdbc;
    public AccessProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void onCreated(UserEvents.Created u, EventEnvelope event) {
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

    public void onUpdated(UserEvents.Updated u, EventEnvelope event) {
        UserChanges changes = u.fields();
        if (changes.fullName() != null) {
            jdbc.update("UPDATE access_user SET full_name = ? WHERE id = ?", changes.fullName().newValue(),
                    u.userId());
        }
        if (changes.timeZone() != null) {
            jdbc.update("UPDATE access_user SET time_zone = ? WHERE id = ?", changes.timeZone().newValue(),
                    u.userId());
        }
    }

    public void onDeleted(UserEvents.Deleted u, EventEnvelope event) {
        jdbc.update("""
                INSERT INTO access_user (id, role, deleted) VALUES (?, ?, TRUE)
                ON CONFLICT (id) DO UPDATE SET deleted = TRUE""", u.userId(), u.role());
        jdbc.update("DELETE FROM access_link WHERE user_id = ? OR student_id = ?", u.userId(), u.userId());
    }

    public void onLinked(UserEvents.Linked l, EventEnvelope event) {
        link(l.kind().name(), l.userId(), l.studentId());
    }

    public void onUnlinked(UserEvents.Unlinked l, EventEnvelope event) {
        jdbc.update("DELETE FROM access_link WHERE kind = ? AND user_id = ? AND student_id = ?",
                l.kind().name(), l.userId(), l.studentId());
    }

    private void link(String kind, long userId, long studentId) {
        jdbc.update("""
                INSERT INTO access_link (kind, user_id, student_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                kind, userId, studentId);
    }
}
