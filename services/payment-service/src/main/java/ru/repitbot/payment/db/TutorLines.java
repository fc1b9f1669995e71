package ru.repitbot.payment.db;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The tutors a student has money or lessons with, from payment-service's own tables. */
@Component
public class TutorLines {

    private final NamedParameterJdbcTemplate named;

    public TutorLines(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** {@code tutorId} has a payment, or a lesson not deleted, of one of {@code studentIds}. */
    public boolean hasMoneyOrLessons(long tutorId, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return false;
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("tutor", tutorId)
                .addValue("students", studentIds);
        return Boolean.TRUE.equals(named.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM payments WHERE tutor_id = :tutor AND student_id IN (:students))
                    OR EXISTS (SELECT 1 FROM lesson_charges WHERE tutor_id = :tutor AND student_id IN (:students)
                                 AND NOT deleted)""", params, Boolean.class));
    }
}
