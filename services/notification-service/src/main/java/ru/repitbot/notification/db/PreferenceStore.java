package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.QuietHours;

/**
 * Writes a person's switches and quiet hours; only what they changed is stored, so a kind they never touched follows
 * its default (docs/domain/notifications.md#switches-and-their-defaults). Reading is {@link People}.
 */
@Repository
public class PreferenceStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PreferenceStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code enabled} or {@code urgent} null: that part is left as it was. */
    public void set(long userId, NoticeKind kind, Boolean enabled, Boolean urgent) {
        if (enabled == null && urgent == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO notice_preference (user_id, kind, enabled, urgent, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id, kind) DO UPDATE SET
                  enabled = COALESCE(EXCLUDED.enabled, notice_preference.enabled),
                  urgent = COALESCE(EXCLUDED.urgent, notice_preference.urgent),
                  updated_at = EXCLUDED.updated_at""",
                userId, kind.value(), kind.switchable() ? enabled : null, urgent, Timestamp.from(clock.instant()));
    }

    public void setQuietHours(long userId, QuietHours hours) {
        jdbc.update("""
                INSERT INTO quiet_hours (user_id, starts_at, ends_at, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                  updated_at = EXCLUDED.updated_at""",
                userId, hours.start(), hours.end(), Timestamp.from(clock.instant()));
    }
}
