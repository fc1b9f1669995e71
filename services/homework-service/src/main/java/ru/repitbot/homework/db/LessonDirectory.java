package ru.repitbot.homework.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.homework.domain.KnownLesson;

/**
 * The lessons this service knows, kept from lesson-service's events. Every write is guarded by the lesson's
 * {@code aggregate_version}: an event older than (or as old as) what is stored changes nothing, so redeliveries,
 * replays and out-of-order events are harmless. A deleted lesson stays as a tombstone.
 */
@Repository
public class LessonDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public LessonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A known, not deleted lesson. */
    public Optional<KnownLesson> find(long lessonId) {
        return jdbc.query("SELECT * FROM lesson WHERE lesson_id = ? AND NOT deleted", LessonDirectory::map, lessonId)
                .stream().findFirst();
    }

    /**
     * As {@link #find}, holding a share lock until the transaction ends, so the lesson cannot be deleted (and its
     * homework removed) while homework is being added to it.
     */
    public Optional<KnownLesson> findForShare(long lessonId) {
        return jdbc.query("SELECT * FROM lesson WHERE lesson_id = ? AND NOT deleted FOR SHARE",
                LessonDirectory::map, lessonId).stream().findFirst();
    }

    /** Known lessons (deleted ones included: their homework is gone anyway) by id. */
    public Map<Long, KnownLesson> findAll(Collection<Long> lessonIds) {
        Map<Long, KnownLesson> result = new HashMap<>();
        if (lessonIds.isEmpty()) {
            return result;
        }
        named.query("SELECT * FROM lesson WHERE lesson_id IN (:ids)", Map.of("ids", lessonIds),
                (ResultSet rs) -> {
                    KnownLesson l = map(rs, 0);
                    result.put(l.lessonId(), l);
                });
        return result;
    }

    /** {@code lesson.created}: records the lesson unless a newer state (or its deletion) is already known. */
    public boolean created(KnownLesson l, long version) {
        return jdbc.update("""
                INSERT INTO lesson AS l (lesson_id, tutor_id, student_id, topic, start_at, is_makeup, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lesson_id) DO UPDATE SET tutor_id = EXCLUDED.tutor_id,
                  student_id = EXCLUDED.student_id, topic = EXCLUDED.topic, start_at = EXCLUDED.start_at,
                  is_makeup = EXCLUDED.is_makeup, version = EXCLUDED.version, updated_at = now()
                WHERE l.version < EXCLUDED.version AND NOT l.deleted""",
                l.lessonId(), l.tutorId(), l.studentId(), l.topic(), ts(l.startAt()), l.isMakeup(), version) > 0;
    }

    /** What a later event says about a lesson; {@code null} members are not part of the change. */
    public record Change(String topic, boolean dateChanged, Instant startAt, Boolean isMakeup) {

        public static Change none() {
            return new Change(null, false, null, null);
        }
    }

    /**
     * {@code lesson.updated}/{@code .rescheduled}/{@code .cancelled} of a lesson: applies {@code change} when
     * {@code version} is newer than the stored one. A lesson not seen before is recorded with what the event
     * tells (its {@code lesson.created} was missed or comes later, and then is older and ignored).
     */
    public boolean changed(long lessonId, long tutorId, long studentId, long version, Change change) {
        List<Long> stored = jdbc.queryForList("SELECT version FROM lesson WHERE lesson_id = ? AND NOT deleted "
                + "FOR UPDATE", Long.class, lessonId);
        if (stored.isEmpty()) {
            return jdbc.update("""
                    INSERT INTO lesson (lesson_id, tutor_id, student_id, topic, start_at, is_makeup, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lesson_id) DO NOTHING""",
                    lessonId, tutorId, studentId, change.topic(), ts(change.startAt()),
                    Boolean.TRUE.equals(change.isMakeup()), version) > 0;
        }
        if (stored.getFirst() >= version) {
            return false;
        }
        jdbc.update("""
                UPDATE lesson SET version = ?, updated_at = now(),
                  topic = CASE WHEN ? THEN ? ELSE topic END,
                  start_at = CASE WHEN ? THEN ? ELSE start_at END,
                  is_makeup = COALESCE(?, is_makeup)
                WHERE lesson_id = ?""",
                version, change.topic() != null, change.topic(), change.dateChanged(), ts(change.startAt()),
                change.isMakeup(), lessonId);
        return true;
    }

    /**
     * A lesson moved by another lesson's topic shift ({@code lesson.cancelled}'s {@code shifted}): moved only if
     * it is still where the shift found it, so an older event never undoes a newer move. A {@code null} new date
     * makes it an undated make-up lesson.
     */
    public boolean shifted(long lessonId, OffsetDateTime oldDate, OffsetDateTime newDate) {
        return jdbc.update("""
                UPDATE lesson SET start_at = ?, is_makeup = ?, updated_at = now()
                WHERE lesson_id = ? AND NOT deleted AND start_at IS NOT DISTINCT FROM ?""",
                ts(newDate == null ? null : newDate.toInstant()), newDate == null, lessonId,
                ts(oldDate == null ? null : oldDate.toInstant())) > 0;
    }

    /** {@code lesson.deleted}: the lesson becomes a tombstone (known, so older events about it are ignored). */
    public void deleted(long lessonId, long tutorId, long studentId, long version) {
        jdbc.update("""
                INSERT INTO lesson AS l (lesson_id, tutor_id, student_id, version, deleted)
                VALUES (?, ?, ?, ?, TRUE)
                ON CONFLICT (lesson_id) DO UPDATE SET deleted = TRUE,
                  version = GREATEST(l.version, EXCLUDED.version), updated_at = now()""",
                lessonId, tutorId, studentId, version);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static KnownLesson map(ResultSet rs, int row) throws SQLException {
        Timestamp start = rs.getTimestamp("start_at");
        return new KnownLesson(rs.getLong("lesson_id"), rs.getLong("tutor_id"), rs.getLong("student_id"),
                rs.getString("topic"), start == null ? null : start.toInstant(), rs.getBoolean("is_makeup"));
    }
}
