package ru.repitbot.payment.db;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What payment-service knows about users from user-service's events (the shared {@code access_user}/
 * {@code access_link} projection): time zones and tutor links. Ownership itself is {@code StudentAccess}.
 */
@Component
public class Directory {

    private final JdbcTemplate jdbc;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
