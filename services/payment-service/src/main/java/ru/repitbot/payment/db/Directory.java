package ru.repitbot.payment.db;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What payment-service knows about users from user-service's events (the shared {@code access_user}/
 * {@code access_link} projection): time zones and tutor links. Ownership itself is {@code StudentAccess}.
 */
@Component
public class Directory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A user's own IANA zone, if known and valid. */
    public Optional<ZoneId> zoneOf(long userId) {
        List<String> zones = jdbc.queryForList("SELECT time_zone FROM access_user WHERE id = ?", String.class,
                userId);
        if (zones.isEmpty() || zones.getFirst() == null || zones.getFirst().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zones.getFirst().strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code tutorId} is an active tutor linked to {@code studentId}. */
    public boolean isTutorOf(long tutorId, long studentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM access_link l JOIN access_user u ON u.id = l.user_id AND NOT u.deleted
                  AND u.role = 'tutor' WHERE l.kind = 'tutor' AND l.user_id = ? AND l.student_id = ?)""",
                Boolean.class, tutorId, studentId));
    }

    /**
     * Whether {@code tutorId} is a tutor of one of {@code studentIds} as far as money goes: linked to the student,
     * or with a payment or a lesson of the student (a tutor no longer linked keeps their line while money or lessons
     * remain, as in the balances).
     */
    public boolean hasTutorLine(long tutorId, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return false;
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("tutor", tutorId)
                .addValue("students", studentIds);
        return Boolean.TRUE.equals(named.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM access_link WHERE kind = 'tutor' AND user_id = :tutor
                                 AND student_id IN (:students))
                    OR EXISTS (SELECT 1 FROM payments WHERE tutor_id = :tutor AND student_id IN (:students))
                    OR EXISTS (SELECT 1 FROM lesson_charges WHERE tutor_id = :tutor AND student_id IN (:students)
                                 AND NOT deleted)""", params, Boolean.class));
    }
}
