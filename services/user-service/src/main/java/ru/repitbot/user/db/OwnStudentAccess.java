package ru.repitbot.user.db;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.config.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;

/**
 * {@link StudentAccess} for the service that owns the links: answered straight from {@code users},
 * {@code tutor_students} and {@code parent_students} rather than from the event projection other services keep.
 */
public class OwnStudentAccess implements StudentAccess {

    private final JdbcTemplate jdbc;

    public OwnStudentAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean canSee(CurrentUser caller, long studentId) {
        if (!isLiveStudent(studentId)) {
            return false;
        }
        if (caller.seesEverything()) {
            return true;
        }
        return switch (caller.role()) {
            case STUDENT -> caller.id() == studentId;
            case TUTOR -> exists("SELECT 1 FROM tutor_students WHERE tutor_id = ? AND student_id = ?",
                    caller.id(), studentId);
            case PARENT -> exists("SELECT 1 FROM parent_students WHERE parent_id = ? AND student_id = ?",
                    caller.id(), studentId);
            default -> false;
        };
    }

    @Override
    public List<Long> visibleStudents(CurrentUser caller) {
        if (caller.seesEverything()) {
            return List.of();
        }
        if (caller.role() == Role.STUDENT) {
            return isLiveStudent(caller.id()) ? List.of(caller.id()) : List.of();
        }
        String table = caller.role() == Role.TUTOR ? "tutor_students l WHERE l.tutor_id = ?"
                : "parent_students l WHERE l.parent_id = ?";
        if (caller.role() != Role.TUTOR && caller.role() != Role.PARENT) {
            return List.of();
        }
        return jdbc.queryForList("SELECT l.student_id FROM " + table + " AND EXISTS (SELECT 1 FROM users u "
                + "WHERE u.id = l.student_id AND u.deleted_at IS NULL) ORDER BY l.student_id", Long.class,
                caller.id());
    }

    private boolean isLiveStudent(long id) {
        return exists("SELECT 1 FROM users WHERE id = ? AND role = 'student' AND deleted_at IS NULL", id);
    }

    private boolean exists(String sql, Object... args) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (" + sql + ")", Boolean.class, args));
    }
}
