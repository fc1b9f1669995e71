package ru.repitbot.homework.app;

import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.homework.db.HomeworkRepository;
import ru.repitbot.homework.db.LessonDirectory;
import ru.repitbot.homework.domain.Homework;
import ru.repitbot.homework.domain.KnownLesson;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Who may see and change homework (docs/domain/users-and-access.md#who-may-see-what). Admins and services: all. A tutor: the
 * homework of their own lessons with a student they are linked to. A student: their own; a parent: their children's.
 * Only tutors (and admins) assign and check; only the student submits and withdraws. Anything not the caller's to
 * see is 404 — also when a list filter names it; a wrong role is 403, decided before any lookup.
 */
@Component
public class HomeworkPolicy {

    private final HomeworkRepository homework;
    private final StudentAccess access;
    private final LessonDirectory lessons;
    private final AccessDirectory directory;

    public HomeworkPolicy(HomeworkRepository homework, StudentAccess access, LessonDirectory lessons,
            AccessDirectory directory) {
        this.homework = homework;
        this.access = access;
        this.lessons = lessons;
        this.directory = directory;
    }

    public boolean maySee(CurrentUser caller, long tutorId, long studentId) {
        if (caller.seesEverything()) {
            return true;
        }
        if (caller.is(Role.TUTOR) && tutorId != caller.id()) {
            return false;
        }
        return access.canSee(caller, studentId);
    }

    public Homework readable(CurrentUser caller, long homeworkId) {
        Homework h = homework.findById(homeworkId).orElseThrow(() -> notFound(homeworkId));
        if (!maySee(caller, h.tutorId(), h.studentId())) {
            throw notFound(homeworkId);
        }
        return h;
    }

    /** For the tutor's changes: 403 for other roles, then the homework locked for the change, or 404. */
    public Homework tutorWritable(CurrentUser caller, long homeworkId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        return locked(caller, homeworkId);
    }

    /**
     * For the student's own answer (handing in, withdrawing): 403 for anyone but a student ({@code why} says so),
     * then their own homework locked, or 404.
     */
    public Homework studentWritable(CurrentUser caller, long homeworkId, String why) {
        if (!caller.is(Role.STUDENT)) {
            throw new ForbiddenException(why);
        }
        return locked(caller, homeworkId);
    }

    /**
     * The filters of a list name only what the caller may see, else 404 exactly as a path id would: a student the
     * caller may not see; a tutor other than themselves (a tutor), not theirs (a student: linked, or the tutor of a
     * lesson of theirs), not of their children (a parent; of {@code student_id} when given); a lesson unknown here
     * or not the caller's. Admins and services may name any tutor.
     */
    public void requireListFilters(CurrentUser caller, Long studentId, Long tutorId, Long lessonId) {
        if (studentId != null) {
            access.requireVisible(caller, studentId);
        }
        if (tutorId != null && !caller.seesEverything()) {
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
        if (lessonId != null) {
            KnownLesson lesson = lessons.find(lessonId).orElseThrow(() -> new NotFoundException("lesson", lessonId));
            requireLessonOf(caller, lesson);
        }
    }

    /**
     * Whether {@code tutorId} is a tutor of one of {@code studentIds}: linked to the student (the access projection),
     * or with a lesson of the student known here (a former tutor stays the tutor of the homework they set).
     */
    private boolean hasTutorLine(long tutorId, java.util.List<Long> studentIds) {
        return directory.isLinkedTutorOfAny(tutorId, studentIds) || lessons.hasLessonsWith(tutorId, studentIds);
    }

    /** A lesson the caller may add homework to: their own lesson (tutor) or any (admin, service), else 404. */
    public void requireLessonOf(CurrentUser caller, KnownLesson lesson) {
        if (!maySee(caller, lesson.tutorId(), lesson.studentId())) {
            throw new NotFoundException("lesson", lesson.lessonId());
        }
    }

    private Homework locked(CurrentUser caller, long homeworkId) {
        Homework h = homework.findForUpdate(homeworkId).orElseThrow(() -> notFound(homeworkId));
        if (!maySee(caller, h.tutorId(), h.studentId())) {
            throw notFound(homeworkId);
        }
        return h;
    }

    private static NotFoundException notFound(long homeworkId) {
        return new NotFoundException("homework", homeworkId);
    }
}
