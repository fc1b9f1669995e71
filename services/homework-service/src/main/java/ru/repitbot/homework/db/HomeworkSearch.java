package ru.repitbot.homework.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.models.HomeworkStatus;

/** The homework list: who may see what, the filters, newest first, one page. */
@Repository
public class HomeworkSearch {

    private final NamedParameterJdbcTemplate named;

    public HomeworkSearch(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * @param onlyTutor a tutor sees only their own homework ({@code null}: no such restriction)
     * @param onlyStudents the students the caller may see ({@code null}: everyone)
     * @param overdue {@code true}: pending with the deadline passed; {@code false}: all others; {@code null}: both
     * @param deadlineFrom first deadline included, {@code null} for open
     * @param deadlineTo last deadline included, {@code null} for open
     */
    public record Query(Long onlyTutor, List<Long> onlyStudents, Long studentId, Long tutorId, Long lessonId,
            HomeworkStatus status, Boolean overdue, Instant deadlineFrom, Instant deadlineTo, Instant now,
            long offset, int limit) {
    }

    /** One page of ids in list order, and the total. */
    public record Page(List<Long> ids, long total) {
    }

    public Page find(Query q) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (q.onlyStudents() != null) {
            if (q.onlyStudents().isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.add("student_id IN (:visible)");
            p.addValue("visible", q.onlyStudents());
        }
        if (q.onlyTutor() != null) {
            where.add("tutor_id = :onlyTutor");
            p.addValue("onlyTutor", q.onlyTutor());
        }
        if (q.studentId() != null) {
            where.add("student_id = :studentId");
            p.addValue("studentId", q.studentId());
        }
        if (q.tutorId() != null) {
            where.add("tutor_id = :tutorId");
            p.addValue("tutorId", q.tutorId());
        }
        if (q.lessonId() != null) {
            where.add("lesson_id = :lessonId");
            p.addValue("lessonId", q.lessonId());
        }
        if (q.status() != null) {
            where.add("status = :status");
            p.addValue("status", q.status().value());
        }
        if (q.overdue() != null) {
            // OverdueRule in SQL: pending and the deadline has passed.
            String overdue = "(status = 'pending' AND deadline < :now)";
            where.add(q.overdue() ? overdue : "NOT " + overdue);
            p.addValue("now", Timestamp.from(q.now()));
        }
        if (q.deadlineFrom() != null) {
            where.add("deadline >= :deadlineFrom");
            p.addValue("deadlineFrom", Timestamp.from(q.deadlineFrom()));
        }
        if (q.deadlineTo() != null) {
            where.add("deadline <= :deadlineTo");
            p.addValue("deadlineTo", Timestamp.from(q.deadlineTo()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = named.queryForObject("SELECT count(*) FROM homework" + filter, p, Long.class);
        p.addValue("limit", q.limit()).addValue("offset", q.offset());
        List<Long> ids = named.queryForList("SELECT id FROM homework" + filter
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset", p, Long.class);
        return new Page(ids, total == null ? 0 : total);
    }
}
