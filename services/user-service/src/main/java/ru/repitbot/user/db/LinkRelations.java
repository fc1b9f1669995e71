package ru.repitbot.user.db;

import org.springframework.stereotype.Component;
import ru.repitbot.user.domain.Relations;

/** {@link Relations} answered from the link tables (which only ever hold live users). */
@Component
public class LinkRelations implements Relations {

    private final TutorStudentRepository tutors;
    private final ParentStudentRepository parents;

    public LinkRelations(TutorStudentRepository tutors, ParentStudentRepository parents) {
        this.tutors = tutors;
        this.parents = parents;
    }

    @Override
    public boolean teaches(long tutorId, long studentId) {
        return tutors.existsByTutorIdAndStudentId(tutorId, studentId);
    }

    @Override
    public boolean isParentOf(long parentId, long studentId) {
        return parents.existsByParentIdAndStudentId(parentId, studentId);
    }

    @Override
    public boolean teachesChildOf(long tutorId, long parentId) {
        return parents.hasChildTaughtBy(parentId, tutorId);
    }

    @Override
    public boolean hasOtherTutor(long studentId, long tutorId) {
        return tutors.hasOtherTutor(studentId, tutorId);
    }

    @Override
    public boolean hasChildNotTaughtBy(long parentId, long tutorId) {
        return parents.hasChildNotTaughtBy(parentId, tutorId);
    }
}
