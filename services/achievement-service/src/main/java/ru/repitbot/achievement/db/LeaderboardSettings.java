package ru.repitbot.achievement.db;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code leaderboard_setting}: whether a tutor has turned their students' leaderboard on (no row: off). */
@Component
public class LeaderboardSettings {

    private final JdbcTemplate jdbc;

    public LeaderboardSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean enabled(long tutorId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT enabled FROM leaderboard_setting WHERE tutor_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, tutorId));
    }

    public void set(long tutorId, boolean enabled, Instant now) {
        jdbc.update("""
                INSERT INTO leaderboard_setting (tutor_id, enabled, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (tutor_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at""",
                tutorId, enabled, Timestamp.from(now));
    }
}
