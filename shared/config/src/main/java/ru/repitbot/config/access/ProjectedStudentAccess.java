package ru.repitbot.config.access;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;

/** {@link StudentAccess} answered from this service's own projection of user-service's links. */
public class ProjectedStudentAccess implements StudentAccess {

    private final JdbcTemplate jdbc;

    public ProjectedStudentAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean canSee(CurrentUser caller, long studentId) {
        if (!isActiveStudent(studentId)) {
            return false;
        }
        if (caller.seesEverything()) {
            return true;
        }
        return switch (caller.role()) {
            case STUDENT -> caller.id() == studentId;
            case TUTOR, PARENT -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM access_link WHERE kind = ? AND user_id = ? AND student_id = ?)",
                    Boolean.class, caller.role().value(), caller.id(), studentId));
            default -> false;
        };
    }

    @Override
    public List<Long> visibleStudents(CurrentUser caller) {
        if (caller.seesEverything()) {
            return List.of();
        }
        if (caller.role() == Role.STUDENT) {
            return List.of(caller.id());
        }
        return jdbc.queryForList("""
                SELECT l.student_id FROM access_link l JOIN access_user u ON u.id = l.student_id AND NOT u.deleted
                WHERE l.kind = ? AND l.user_id = ? ORDER BY l.student_id""",
                Long.class, caller.role().value(), caller.id());
    }

    private boolean isActiveStudent(long studentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM access_user WHERE id = ? AND role = 'student' AND NOT deleted)",
                Boolean.class, studentId));
    }
}
