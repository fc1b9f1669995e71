package ru.repitbot.config.access;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.models.Role;

/** {@link StudentAccess} answered from this service's own projection of user-service's links. */
public class ProjectedStudentAccess extends LinkedStudentAccess {

    private final JdbcTemplate jdbc;

    public ProjectedStudentAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean isLiveStudent(long studentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM access_user WHERE id = ? AND role = 'student' AND NOT deleted)",
                Boolean.class, studentId));
    }

    @Override
    protected boolean isLinked(Role kind, long userId, long studentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM access_link WHERE kind = ? AND user_id = ? AND student_id = ?)",
                Boolean.class, kind.value(), userId, studentId));
    }

    @Override
    protected List<Long> linkedLiveStudents(Role kind, long userId) {
        return jdbc.queryForList("""
                SELECT l.student_id FROM access_link l JOIN access_user u ON u.id = l.student_id AND NOT u.deleted
                WHERE l.kind = ? AND l.user_id = ? ORDER BY l.student_id""",
                Long.class, kind.value(), userId);
    }
}
