package ru.repitbot.homework.db;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A student's time zone (docs/domain/README.md#q15-time-zones) from the access projection: deadlines are read and shown in it. Unknown or broken
 * zones fall back to the installation default.
 */
@Repository
public class StudentZones {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ZoneId defaultZone;

    public StudentZones(JdbcTemplate jdbc, ZoneId defaultZone) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.defaultZone = defaultZone;
    }

    public ZoneId of(long studentId) {
        return jdbc.queryForList("SELECT time_zone FROM access_user WHERE id = ?", String.class, studentId).stream()
                .findFirst().map(this::zone).orElse(defaultZone);
    }

    public Map<Long, ZoneId> of(Collection<Long> studentIds) {
        Map<Long, ZoneId> zones = new HashMap<>();
        if (!studentIds.isEmpty()) {
            named.query("SELECT id, time_zone FROM access_user WHERE id IN (:ids)", Map.of("ids", studentIds),
                    (java.sql.ResultSet rs) -> {
                        zones.put(rs.getLong("id"), zone(rs.getString("time_zone")));
                    });
        }
        studentIds.forEach(id -> zones.putIfAbsent(id, defaultZone));
        return zones;
    }

    private ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }
}
