package ru.repitbot.achievement.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.repitbot.achievement.domain.PointReason;

/**
 * A student's points — the sum of what their lessons and homework are worth now ({@code lesson_progress.points},
 * {@code homework_progress.points}) — and the history of their changes ({@code point_change}).
 */
@Component
public class PointsLedger {

    /** One history entry. */
    public record Entry(long id, int delta, String reason, Long lessonId, Long homeworkId, int pointsAfter,
            Instant changedAt) {
    }

    private static final String TOTAL = """
            SELECT COALESCE((SELECT sum(points) FROM lesson_progress WHERE student_id = :s), 0)
                 + COALESCE((SELECT sum(points) FROM homework_progress WHERE student_id = :s), 0)""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public PointsLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public int points(long studentId) {
        Integer n = named.queryForObject(TOTAL, new MapSqlParameterSource("s", studentId), Integer.class);
        return n == null ? 0 : n;
    }

    /** Points of several students; those without any are absent. */
    public Map<Long, Integer> pointsOf(Collection<Long> studentIds) {
        Map<Long, Integer> points = new HashMap<>();
        if (studentIds.isEmpty()) {
            return points;
        }
        named.query("""
                SELECT student_id, sum(points) FROM (
                  SELECT student_id, points FROM lesson_progress WHERE student_id IN (:ids)
                  UNION ALL SELECT student_id, points FROM homework_progress WHERE student_id IN (:ids)) p
                GROUP BY student_id""", new MapSqlParameterSource("ids", studentIds),
                (RowCallbackHandler) rs -> points.put(rs.getLong(1), rs.getInt(2)));
        return points;
    }

    public void record(long studentId, int delta, PointReason reason, Long lessonId, Long homeworkId,
            int pointsAfter, Instant at) {
        jdbc.update("""
                INSERT INTO point_change (student_id, delta, reason, lesson_id, homework_id, points_after, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", studentId, delta, reason.value(), lessonId, homeworkId, pointsAfter,
                Timestamp.from(at));
    }

    public long count(long studentId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM point_change WHERE student_id = ?", Long.class, studentId);
        return n == null ? 0 : n;
    }

    /** Newest first. */
    public List<Entry> page(long studentId, int limit, long offset) {
        return jdbc.query("""
                SELECT id, delta, reason, lesson_id, homework_id, points_after, changed_at FROM point_change
                WHERE student_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), (Long) rs.getObject(4),
                        (Long) rs.getObject(5), rs.getInt(6), rs.getTimestamp(7).toInstant()),
                studentId, limit, offset);
    }
}
