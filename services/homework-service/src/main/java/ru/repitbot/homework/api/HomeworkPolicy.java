package ru.repitbot.homework.api;

import org.springframework.stereotype.Component;
import ru.repitbot.config.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.homework.db.HomeworkRepository;
import ru.repitbot.homework.domain.Homework;
import ru.repitbot.homework.domain.KnownLesson;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Who may see and change homework (SPEC §1.3, DECISIONS "Who uses it"). Admins and services: all. A tutor: the
 * homework of their own lessons with a student they are linked to. A student: their own; a parent: their children's.
 * Only tutors (and admins) assign and check; only the student submits. Anything not the caller's to see is 404;
 * a wrong role is 403, decided before any lookup.
 */
@Component
public class HomeworkPolicy {

    private final HomeworkRepository homework;
    private final StudentAccess access;

    public HomeworkPolicy(HomeworkRepository homework, StudentAccess access) {
        this.homework = homework;
        this.access = access;
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

    /** For the student's submission: 403 for anyone but a student, then their own homework locked, or 404. */
    public Homework studentWritable(CurrentUser caller, long homeworkId) {
        if (!caller.is(Role.STUDENT)) {
            throw new ForbiddenException("only the student hands in homework");
        }
        return locked(caller, homeworkId);
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
