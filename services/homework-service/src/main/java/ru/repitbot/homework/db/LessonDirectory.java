package ru.repitbot.homework.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * replays and out-of-order events are harmless. A deleted lesson stays as a tombstone. A lesson known only from a
 * topic move is a placeholder of version 0 until its {@code lesson.created} arrives.
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

    /** {@code tutorId} has a lesson, not deleted, of one of {@code studentIds} known here. */
    public boolean hasLessonsWith(long tutorId, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(named.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM lesson WHERE tutor_id = :tutor AND student_id IN (:students)
                                 AND NOT deleted)""",
                Map.of("tutor", tutorId, "students", studentIds), Boolean.class));
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

    /**
     * What a later event says about a lesson; {@code null} members are not part of the change. {@code startAt} is
     * applied to a known lesson only when {@code dateChanged}; a lesson not seen before is recorded with it anyway.
     */
    public record Change(String topic, boolean dateChanged, Instant startAt, Boolean isMakeup) {
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
     * A lesson named by a {@code lesson.cancelled} topic move that this service has not seen yet (typically the new
     * make-up lesson, whose {@code lesson.created} may arrive later): recorded with version 0 and what the move
     * tells, so homework can hang on it; the later {@code lesson.created} (version 1 or more) completes it.
     */
    public void placeholder(long lessonId, long tutorId, long studentId, String topic, boolean isMakeup) {
        jdbc.update("""
                INSERT INTO lesson (lesson_id, tutor_id, student_id, topic, start_at, is_makeup, version)
                VALUES (?, ?, ?, ?, NULL, ?, 0) ON CONFLICT (lesson_id) DO NOTHING""",
                lessonId, tutorId, studentId, topic, isMakeup);
    }

    /** One topic move: what hung on lesson {@code fromId} now hangs on lesson {@code toId}. */
    public record Move(long fromId, long toId) {
    }

    /**
     * Moves homework along {@code moves} as one rotation, in one statement: every homework row is matched against
     * the state before the statement, so homework of A moving to B and homework of B moving to C end up on B and C
     * (never all on C). The lesson-derived columns of the row ({@code student_id}, {@code tutor_id}) are taken from
     * the target lesson, which must be known (see {@link #placeholder}). Homework moved onto a lesson already
     * deleted here (its {@code lesson.deleted} overtook this event) goes with that lesson, as it would have.
     *
     * @return how many homework rows moved
     */
    public int moveHomework(List<Move> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        String values = String.join(", ", java.util.Collections.nCopies(moves.size(), "(?::bigint, ?::bigint)"));
        Object[] args = moves.stream().flatMap(m -> java.util.stream.Stream.of(m.fromId(), m.toId())).toArray();
        int moved = jdbc.update("""
                UPDATE homework h SET lesson_id = m.to_id, student_id = l.student_id, tutor_id = l.tutor_id,
                  updated_at = now()
                FROM (VALUES %s) AS m (from_id, to_id)
                JOIN lesson l ON l.lesson_id = m.to_id
                WHERE h.lesson_id = m.from_id""".formatted(values), args);
        Object[] targets = moves.stream().map(Move::toId).distinct().toArray();
        jdbc.update("DELETE FROM homework h USING lesson l WHERE h.lesson_id = l.lesson_id AND l.deleted "
                + "AND l.lesson_id IN (" + String.join(", ", java.util.Collections.nCopies(targets.length, "?"))
                + ")", targets);
        return moved;
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
