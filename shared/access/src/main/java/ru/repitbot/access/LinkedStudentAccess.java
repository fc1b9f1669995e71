package ru.repitbot.access;

import java.util.List;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;

/**
 * The visibility rule of {@link StudentAccess} written once: only a live student can be seen at all; admins and
 * services see every student, a student themselves, a tutor or parent the students linked to them. Subclasses say
 * where students and links are read from (user-service's own tables or another service's projection of them).
 */
public abstract class LinkedStudentAccess implements StudentAccess {

    /** The user exists, is a student and is not deleted. */
    protected abstract boolean isLiveStudent(long studentId);

    /** A link of this kind ({@link Role#TUTOR} or {@link Role#PARENT}) joins the user to the student. */
    protected abstract boolean isLinked(Role kind, long userId, long studentId);

    /** The live students linked to the user by a link of this kind, in id order. */
    protected abstract List<Long> linkedLiveStudents(Role kind, long userId);

    @Override
    public final boolean canSee(CurrentUser caller, long studentId) {
        if (!isLiveStudent(studentId)) {
            return false;
        }
        if (caller.seesEverything()) {
            return true;
        }
        return switch (caller.role()) {
            case STUDENT -> caller.id() == studentId;
            case TUTOR, PARENT -> isLinked(caller.role(), caller.id(), studentId);
            default -> false;
        };
    }

    @Override
    public final List<Long> visibleStudents(CurrentUser caller) {
        if (caller.seesEverything()) {
            return List.of();
        }
        return switch (caller.role()) {
            case STUDENT -> isLiveStudent(caller.id()) ? List.of(caller.id()) : List.of();
            case TUTOR, PARENT -> linkedLiveStudents(caller.role(), caller.id());
            default -> List.of();
        };
    }
}
