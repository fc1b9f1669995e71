package ru.repitbot.payment.app;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.payment.config.PaymentSettings;
import ru.repitbot.payment.db.TutorLines;

/**
 * Who may see and change which student's money (docs/domain/users-and-access.md#who-may-see-what): a tutor their linked students' (and only
 * their own lines), a parent their children's, a student their own, an admin or a service everyone's. A student the
 * caller may not see is 404; writing with the wrong role is 403.
 */
@Component
public class Ownership {

    private final StudentAccess access;
    private final AccessDirectory directory;
    private final TutorLines tutorLines;
    private final PaymentSettings settings;

    public Ownership(StudentAccess access, AccessDirectory directory, TutorLines tutorLines,
            PaymentSettings settings) {
        this.access = access;
        this.directory = directory;
        this.tutorLines = tutorLines;
        this.settings = settings;
    }

    /** @throws NotFoundException when the caller may not see the student */
    public void requireVisible(CurrentUser caller, long studentId) {
        access.requireVisible(caller, studentId);
    }

    /**
     * The tutor a write is for: a tutor writes for themselves; an admin or a service names a tutor of the student.
     * The caller's role is checked first (403), then the student (404).
     */
    public long tutorForWrite(CurrentUser caller, Long requestedTutor, long studentId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        access.requireVisible(caller, studentId);
        if (caller.is(Role.TUTOR)) {
            if (requestedTutor != null && requestedTutor != caller.id()) {
                throw new ForbiddenException("a tutor records payments and prices only for themselves");
            }
            return caller.id();
        }
        if (requestedTutor == null) {
            throw new InvalidFieldException("tutor_id", "is required when an admin or a service writes");
        }
        if (!directory.isTutorOf(requestedTutor, studentId)) {
            throw new InvalidFieldException("tutor_id", "is not a tutor of student " + studentId);
        }
        return requestedTutor;
    }

    /**
     * A {@code tutor_id} filter names a tutor the caller may ask about, else 404, exactly as a path id would: a tutor
     * only themselves; a student a tutor of their own; a parent a tutor of their children (of {@code studentId}
     * when the request names one); admins and services anyone. "A tutor of" a student is {@link #hasTutorLine}:
     * linked, or with payments or lessons of the student.
     *
     * @param studentId the student the request is about (already checked visible), or {@code null}
     * @throws NotFoundException when the caller may not ask about that tutor
     */
    public void requireTutorFilter(CurrentUser caller, Long tutorId, Long studentId) {
        if (tutorId == null || caller.seesEverything()) {
            return;
        }
        boolean allowed = switch (caller.role()) {
            case TUTOR -> tutorId == caller.id();
            case STUDENT, PARENT -> hasTutorLine(tutorId,
                    studentId != null ? java.util.List.of(studentId) : access.visibleStudents(caller));
            default -> false;
        };
        if (!allowed) {
            throw new NotFoundException("tutor", tutorId);
        }
    }

    /**
     * Whether {@code tutorId} is a tutor of one of {@code studentIds} as far as money goes: linked to the student, or
     * with a payment or a lesson of the student (a tutor no longer linked keeps their line while money or lessons
     * remain, as in the balances).
     */
    private boolean hasTutorLine(long tutorId, java.util.List<Long> studentIds) {
        return directory.isLinkedTutorOfAny(tutorId, studentIds) || tutorLines.hasMoneyOrLessons(tutorId, studentIds);
    }

    /** Whether the caller may see the line of {@code tutorId} (a tutor only their own). */
    public boolean seesTutorLine(CurrentUser caller, long tutorId) {
        return !caller.is(Role.TUTOR) || caller.id() == tutorId;
    }

    public java.util.List<Long> visibleStudents(CurrentUser caller) {
        return access.visibleStudents(caller);
    }

    public boolean canSee(CurrentUser caller, long studentId) {
        return access.canSee(caller, studentId);
    }

    /** The student's zone, or the installation's. */
    public ZoneId zoneOf(long studentId) {
        return directory.zoneOf(studentId).orElse(settings.zone());
    }
}
