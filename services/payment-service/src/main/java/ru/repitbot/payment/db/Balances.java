package ru.repitbot.payment.db;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.models.PageQuery;
import ru.repitbot.payment.domain.LessonBalance;

/**
 * Balances computed from {@code payments} and {@code lesson_charges} on every read (docs/domain/payments.md#balance): Σ lessons_paid of the
 * payments not voided − charged lessons, per student and tutor. Nothing here is stored. A voided payment still counts
 * as history: its tutor keeps a balance line, and its student can be listed as low.
 */
@Component
public class Balances {

    private final JdbcTemplate jdbc;
    private final AccessDirectory directory;

    public Balances(JdbcTemplate jdbc, AccessDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** A student's balance with one tutor. */
    public LessonBalance of(long studentId, long tutorId) {
        Long paid = jdbc.queryForObject(
                "SELECT COALESCE(SUM(lessons_paid), 0) FROM payments WHERE student_id = ? AND tutor_id = ? "
                        + "AND voided_at IS NULL",
                Long.class, studentId, tutorId);
        Long charged = jdbc.queryForObject(
                "SELECT count(*) FROM lesson_charges WHERE student_id = ? AND tutor_id = ? AND charged",
                Long.class, studentId, tutorId);
        return new LessonBalance(paid == null ? 0 : paid, charged == null ? 0 : charged);
    }

    /**
     * A student's balances with each of their tutors: every tutor linked to the student, or with a payment or a
     * lesson of the student (a tutor no longer linked keeps their line while money or lessons remain). By tutor id.
     */
    public Map<Long, LessonBalance> ofStudent(long studentId) {
        Map<Long, long[]> sums = new TreeMap<>();
        directory.tutorsOf(studentId).forEach(tutor -> sums.computeIfAbsent(tutor, t -> new long[2]));
        jdbc.query("SELECT tutor_id, COALESCE(SUM(lessons_paid) FILTER (WHERE voided_at IS NULL), 0) FROM payments "
                + "WHERE student_id = ? GROUP BY tutor_id",
                (RowCallbackHandler) rs -> sums.computeIfAbsent(rs.getLong(1), t -> new long[2])[0] = rs.getLong(2),
                studentId);
        jdbc.query("""
                SELECT tutor_id, count(*) FILTER (WHERE charged) FROM lesson_charges
                WHERE student_id = ? AND NOT deleted GROUP BY tutor_id""",
                (RowCallbackHandler) rs -> sums.computeIfAbsent(rs.getLong(1), t -> new long[2])[1] = rs.getLong(2),
                studentId);
        Map<Long, LessonBalance> balances = new TreeMap<>();
        sums.forEach((tutor, s) -> balances.put(tutor, new LessonBalance(s[0], s[1])));
        return balances;
    }

    /** The tutors a student has a balance line with (see {@link #ofStudent}). */
    public List<Long> tutorsOf(long studentId) {
        return List.copyOf(ofStudent(studentId).keySet());
    }

    /** One low balance, for reminders. */
    public record Low(long studentId, long tutorId, int balance) {
    }

    public record LowPage(List<Low> items, long total) {
    }

    /**
     * Balances at {@code threshold} or below, of students who still exist and have paid or been charged at least
     * once with that tutor (a student with no history is not "low", just new). By student, then tutor.
     */
    public LowPage low(int threshold, PageQuery paging) {
        // Which students still exist is the access projection's to say (AccessDirectory); the paging stays in SQL, on
        // the students with any history here that are still alive, passed in as an array.
        List<Long> withHistory = jdbc.queryForList(
                "SELECT student_id FROM payments UNION SELECT student_id FROM lesson_charges WHERE charged",
                Long.class);
        long[] live = directory.liveAmong(withHistory).stream().mapToLong(Long::longValue).sorted().toArray();
        if (live.length == 0) {
            return new LowPage(List.of(), 0);
        }
        String pairs = """
                WITH paid AS (SELECT student_id, tutor_id,
                                     COALESCE(SUM(lessons_paid) FILTER (WHERE voided_at IS NULL), 0) AS n
                              FROM payments WHERE student_id = ANY (?) GROUP BY student_id, tutor_id),
                     charged AS (SELECT student_id, tutor_id, count(*) AS n FROM lesson_charges
                                 WHERE charged AND student_id = ANY (?) GROUP BY student_id, tutor_id),
                     pairs AS (SELECT student_id, tutor_id FROM paid UNION SELECT student_id, tutor_id FROM charged),
                     balances AS (
                       SELECT p.student_id, p.tutor_id, COALESCE(paid.n, 0) - COALESCE(charged.n, 0) AS balance
                       FROM pairs p
                       LEFT JOIN paid ON paid.student_id = p.student_id AND paid.tutor_id = p.tutor_id
                       LEFT JOIN charged ON charged.student_id = p.student_id AND charged.tutor_id = p.tutor_id)
                """;
        Long total = jdbc.queryForObject(pairs + "SELECT count(*) FROM balances WHERE balance <= ?", Long.class,
                live, live, threshold);
        List<Low> items = jdbc.query(pairs + """
                SELECT student_id, tutor_id, balance FROM balances WHERE balance <= ?
                ORDER BY student_id, tutor_id LIMIT ? OFFSET ?""",
                (rs, i) -> new Low(rs.getLong(1), rs.getLong(2), Math.toIntExact(rs.getLong(3))), live, live,
                threshold, paging.size(), paging.offset());
        return new LowPage(items, total == null ? 0 : total);
    }
}
