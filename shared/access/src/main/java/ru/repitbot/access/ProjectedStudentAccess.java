package ru.repitbot.access;

import java.util.List;
import ru.repitbot.models.Role;

/** {@link StudentAccess} answered from this service's own projection of user-service's links. */
public class ProjectedStudentAccess extends LinkedStudentAccess {

    private final AccessDirectory directory;

    public ProjectedStudentAccess(AccessDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected boolean isLiveStudent(long studentId) {
        return directory.isLiveStudent(studentId);
    }

    @Override
    protected boolean isLinked(Role kind, long userId, long studentId) {
        return directory.isLinked(kind, userId, studentId);
    }

    @Override
    protected List<Long> linkedLiveStudents(Role kind, long userId) {
        return directory.linkedLiveStudents(kind, userId);
    }
}
