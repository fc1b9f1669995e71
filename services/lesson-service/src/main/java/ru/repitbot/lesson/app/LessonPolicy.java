package ru.repitbot.lesson.app;

import org.springframework.stereotype.Component;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.lesson.db.LessonRepository;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Who may see and change a lesson. Admins and services: every lesson. A tutor: their own lessons with a student
 * they are linked to. A student: their own; a parent: their children's — read only. Anything else is 404.
 */
@Component
public class LessonPolicy {

    private final LessonRepository lessons;
    private final StudentAccess access;

    public LessonPolicy(LessonRepository lessons, StudentAccess access) {
        this.lessons = lessons;
        this.access = access;
    }

    public Lesson readable(CurrentUser caller, long lessonId) {
        Lesson lesson = lessons.findById(lessonId).orElseThrow(() -> new NotFoundException("lesson", lessonId));
        if (!maySee(caller, lesson)) {
            throw new NotFoundException("lesson", lessonId);
        }
        return lesson;
    }

    /** @throws ru.repitbot.models.errors.ForbiddenException for students and parents, before any lookup */
    public Lesson writable(CurrentUser caller, long lessonId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        return readable(caller, lessonId);
    }

    public boolean maySee(CurrentUser caller, Lesson lesson) {
        if (caller.seesEverything()) {
            return true;
        }
        if (caller.is(Role.TUTOR) && lesson.tutorId() != caller.id()) {
            return false;
        }
        return access.canSee(caller, lesson.studentId());
    }
}
