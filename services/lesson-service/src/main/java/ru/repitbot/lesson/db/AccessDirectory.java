package ru.repitbot.lesson.db;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What lesson-service knows about users from user-service's events (the shared {@code access_user}/{@code access_link}
 * projection): time zones, tutor links, names. Ownership itself is {@code StudentAccess}.
 */
@Component
public class AccessDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AccessDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A user's own IANA zone, if known and valid. */
    public Optional<ZoneId> zoneOf(long userId) {
        List<String> zones = jdbc.queryForList("SELECT time_zone FROM access_user WHERE id = ?", String.class,
                userId);
        return zones.isEmpty() ? Optional.empty() : parse(zones.getFirst());
    }

    /** The known, valid zones of these users; users without one are absent. */
    public Map<Long, ZoneId> zonesOf(Collection<Long> userIds) {
        Map<Long, ZoneId> zones = new HashMap<>();
        if (userIds.isEmpty()) {
            return zones;
        }
        named.query("SELECT id, time_zone FROM access_user WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", userIds), (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    ZoneId zone = parse(rs.getString(2)).orElse(null);
                    if (zone != null) {
                        zones.put(rs.getLong(1), zone);
                    }
                });
        return zones;
    }

    /** Whether {@code tutorId} is an active tutor linked to {@code studentId}. */
    public boolean isTutorOf(long tutorId, long studentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM access_link l JOIN access_user u ON u.id = l.user_id AND NOT u.deleted
                  AND u.role = 'tutor' WHERE l.kind = 'tutor' AND l.user_id = ? AND l.student_id = ?)""",
                Boolean.class, tutorId, studentId));
    }

    /** Whether the user exists in the projection and is not deleted. */
    public boolean isActive(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM access_user WHERE id = ? AND NOT deleted)", Boolean.class, userId));
    }

    public Optional<String> fullNameOf(long userId) {
        List<String> names = jdbc.queryForList("SELECT full_name FROM access_user WHERE id = ?", String.class,
                userId);
        return names.isEmpty() || names.getFirst() == null ? Optional.empty() : Optional.of(names.getFirst());
    }

    private static Optional<ZoneId> parse(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
