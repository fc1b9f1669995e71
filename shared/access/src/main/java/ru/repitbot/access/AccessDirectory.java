package ru.repitbot.access;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.repitbot.models.Role;

/**
 * Everything a service asks of the access projection ({@code access_user}/{@code access_link}, kept from
 * user-service's events by {@link AccessProjection}): the one place that reads those tables. Services never write
 * SQL against them (ArchitectureRules.checkNoSqlOnSharedTables); who may see whom is {@link StudentAccess}, built on
 * this.
 *
 * <p>The questions that decide a 404 ({@link #isActive}, {@link #isLiveStudent}, {@link #isTutorOf}) first make
 * sure an id missing from the projection is not merely one whose {@code user.created} is still on its way
 * ({@link LateUsers}); the others answer from what is there.
 */
public class AccessDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LateUsers lateUsers;

    public AccessDirectory(JdbcTemplate jdbc, LateUsers lateUsers) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.lateUsers = lateUsers;
    }

    /** The user is known and not deleted (any role). */
    public boolean isActive(long userId) {
        lateUsers.awaitKnown(userId);
        return exists("SELECT 1 FROM access_user WHERE id = ? AND NOT deleted", userId);
    }

    /** The user is known, a student and not deleted. */
    public boolean isLiveStudent(long studentId) {
        lateUsers.awaitKnown(studentId);
        return exists("SELECT 1 FROM access_user WHERE id = ? AND role = 'student' AND NOT deleted", studentId);
    }

    /** A link of this kind ({@link Role#TUTOR} or {@link Role#PARENT}) joins the user to the student. */
    public boolean isLinked(Role kind, long userId, long studentId) {
        return exists("SELECT 1 FROM access_link WHERE kind = ? AND user_id = ? AND student_id = ?",
                kind.value(), userId, studentId);
    }

    /** The live students linked to the user by a link of this kind, in id order. */
    public List<Long> linkedLiveStudents(Role kind, long userId) {
        return jdbc.queryForList("""
                SELECT l.student_id FROM access_link l JOIN access_user u ON u.id = l.student_id AND NOT u.deleted
                WHERE l.kind = ? AND l.user_id = ? ORDER BY l.student_id""",
                Long.class, kind.value(), userId);
    }

    /** {@code tutorId} is a live tutor linked to {@code studentId}. */
    public boolean isTutorOf(long tutorId, long studentId) {
        lateUsers.awaitKnown(tutorId);
        lateUsers.awaitKnown(studentId);
        return exists("""
                SELECT 1 FROM access_link l JOIN access_user u ON u.id = l.user_id AND NOT u.deleted
                  AND u.role = 'tutor' WHERE l.kind = 'tutor' AND l.user_id = ? AND l.student_id = ?""",
                tutorId, studentId);
    }

    /** A tutor link (whatever became of the tutor since) joins {@code tutorId} to one of {@code studentIds}. */
    public boolean isLinkedTutorOfAny(long tutorId, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(named.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM access_link WHERE kind = 'tutor' AND user_id = :tutor
                                 AND student_id IN (:students))""",
                new MapSqlParameterSource().addValue("tutor", tutorId).addValue("students", studentIds),
                Boolean.class));
    }

    /** The tutors linked to the student, in id order. */
    public List<Long> tutorsOf(long studentId) {
        return jdbc.queryForList(
                "SELECT user_id FROM access_link WHERE kind = 'tutor' AND student_id = ? ORDER BY user_id",
                Long.class, studentId);
    }

    /**
     * The live users linked by a link of this kind ({@link Role#TUTOR} or {@link Role#PARENT}) to any of the
     * students, each once, in id order (e.g. every parent of a tutor's students, for a broadcast).
     */
    public List<Long> liveUsersLinkedToAny(Role kind, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return named.queryForList("""
                SELECT DISTINCT l.user_id FROM access_link l JOIN access_user u ON u.id = l.user_id AND NOT u.deleted
                WHERE l.kind = :kind AND l.student_id IN (:students) ORDER BY l.user_id""",
                new MapSqlParameterSource().addValue("kind", kind.value()).addValue("students", studentIds),
                Long.class);
    }

    /** The live parents linked to each of these students, in id order; a student without one is absent. */
    public Map<Long, List<Long>> parentsOf(Collection<Long> studentIds) {
        Map<Long, List<Long>> parents = new HashMap<>();
        if (!studentIds.isEmpty()) {
            named.query("""
                    SELECT l.student_id, l.user_id FROM access_link l
                    JOIN access_user u ON u.id = l.user_id AND NOT u.deleted
                    WHERE l.kind = 'parent' AND l.student_id IN (:ids) ORDER BY l.student_id, l.user_id""",
                    new MapSqlParameterSource("ids", studentIds),
                    (RowCallbackHandler) rs -> parents.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(rs.getLong(2)));
        }
        return parents;
    }

    /** The roles of these users as the projection knows them (deleted ones included); unknown ids are absent. */
    public Map<Long, Role> rolesOf(Collection<Long> userIds) {
        Map<Long, Role> roles = new HashMap<>();
        if (!userIds.isEmpty()) {
            named.query("SELECT id, role FROM access_user WHERE id IN (:ids) AND role IS NOT NULL",
                    new MapSqlParameterSource("ids", userIds),
                    (RowCallbackHandler) rs -> roles.put(rs.getLong(1), Role.fromValue(rs.getString(2))));
        }
        return roles;
    }

    /** Of these ids, the users known and not deleted. */
    public Set<Long> liveAmong(Collection<Long> userIds) {
        Set<Long> live = new HashSet<>();
        if (!userIds.isEmpty()) {
            named.query("SELECT id FROM access_user WHERE id IN (:ids) AND NOT deleted",
                    new MapSqlParameterSource("ids", userIds),
                    (RowCallbackHandler) rs -> live.add(rs.getLong(1)));
        }
        return live;
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
        if (!userIds.isEmpty()) {
            named.query("SELECT id, time_zone FROM access_user WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", userIds),
                    (RowCallbackHandler) rs -> {
                        long id = rs.getLong(1);
                        parse(rs.getString(2)).ifPresent(zone -> zones.put(id, zone));
                    });
        }
        return zones;
    }

    /** The known full names of these users; users without one are absent. */
    public Map<Long, String> fullNamesOf(Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            named.query("SELECT id, full_name FROM access_user WHERE id IN (:ids) AND full_name IS NOT NULL",
                    new MapSqlParameterSource("ids", userIds),
                    (RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)));
        }
        return names;
    }

    private boolean exists(String sql, Object... args) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (" + sql + ")", Boolean.class, args));
    }

    // A zone written by an older client may be blank or no longer valid: such a user simply has no zone of their own.
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
