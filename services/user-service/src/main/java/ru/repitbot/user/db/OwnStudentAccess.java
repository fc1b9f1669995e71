package ru.repitbot.user.db;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.access.LinkedStudentAccess;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.models.Role;

/**
 * {@link StudentAccess} for the service that owns the links: answered straight from {@code users},
 * {@code tutor_students} and {@code parent_students} rather than from the event projection other services keep.
 */
public class OwnStudentAccess extends LinkedStudentAccess {

    private final JdbcTemplate jdbc;

    public OwnStudentAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean isLiveStudent(long studentId) {
        return exists("SELECT 1 FROM users WHERE id = ? AND role = 'student' AND deleted_at IS NULL", studentId);
    }

    @Override
    protected boolean isLinked(Role kind, long userId, long studentId) {
        return exists("SELECT 1 FROM " + links(kind) + " WHERE l." + linkColumn(kind) + " = ? AND l.student_id = ?",
                userId, studentId);
    }

    @Override
    protected List<Long> linkedLiveStudents(Role kind, long userId) {
        return jdbc.queryForList("SELECT l.student_id FROM " + links(kind) + " WHERE l." + linkColumn(kind)
                + " = ? AND EXISTS (SELECT 1 FROM users u WHERE u.id = l.student_id AND u.deleted_at IS NULL)"
                + " ORDER BY l.student_id", Long.class, userId);
    }

    private static String links(Role kind) {
        return kind == Role.TUTOR ? "tutor_students l" : "parent_students l";
    }

    private static String linkColumn(Role kind) {
        return kind == Role.TUTOR ? "tutor_id" : "parent_id";
    }

    private boolean exists(String sql, Object... args) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (" + sql + ")", Boolean.class, args));
    }
}
