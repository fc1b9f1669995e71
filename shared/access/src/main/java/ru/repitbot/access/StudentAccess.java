package ru.repitbot.access;

import java.util.List;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Who may see which student (docs/domain/users-and-access.md#who-may-see-what): an admin or a service every student; a tutor their linked
 * students; a parent their children; a student themselves. Anything else is answered as if it did not exist.
 */
public interface StudentAccess {

    boolean canSee(CurrentUser caller, long studentId);

    /** Students the caller may see; empty for admins and services, who see all ({@link CurrentUser#seesEverything}). */
    List<Long> visibleStudents(CurrentUser caller);

    /** @throws NotFoundException when the caller may not see the student (or it does not exist) */
    default void requireVisible(CurrentUser caller, long studentId) {
        if (!canSee(caller, studentId)) {
            throw new NotFoundException("student", studentId);
        }
    }
}
