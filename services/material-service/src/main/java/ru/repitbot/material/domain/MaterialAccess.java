package ru.repitbot.material.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Who sees and who changes a material (docs/domain/materials.md#who-sees-what):
 * <ul>
 * <li>admins and services see and change every material;</li>
 * <li>a tutor sees their own library and what admins published, and changes only their own;</li>
 * <li>a student or a parent sees what the family's tutors own, what admins published, and what was attached to the
 * family's lessons and homework; they change nothing.</li>
 * </ul>
 * A material the caller may not see is answered as if it did not exist (404); one they see but may not change, 403.
 *
 * @param everything an admin or a service
 * @param tutorId the calling tutor, else {@code null}
 * @param familyTutors for a student or parent: the tutors of the student or of the parent's children
 * @param familyStudents for a student or parent: the student, or the parent's children
 */
public record MaterialAccess(boolean everything, Long tutorId, Set<Long> familyTutors, Set<Long> familyStudents) {

    public MaterialAccess {
        familyTutors = Set.copyOf(familyTutors);
        familyStudents = Set.copyOf(familyStudents);
    }

    public static MaterialAccess all() {
        return new MaterialAccess(true, null, Set.of(), Set.of());
    }

    public static MaterialAccess tutor(long tutorId) {
        return new MaterialAccess(false, tutorId, Set.of(), Set.of());
    }

    public static MaterialAccess family(Collection<Long> tutors, Collection<Long> students) {
        return new MaterialAccess(false, null, Set.copyOf(tutors), Set.copyOf(students));
    }

    /**
     * @param owner the material's tutor ({@code null}: published by an admin)
     * @param attachedStudents the students whose lessons or homework the material is attached to
     */
    public boolean sees(Long owner, Collection<Long> attachedStudents) {
        if (everything || owner == null) {
            return true;
        }
        if (tutorId != null) {
            return tutorId.equals(owner);
        }
        return familyTutors.contains(owner) || attachedStudents.stream().anyMatch(familyStudents::contains);
    }

    /** Edit, delete, upload or remove files, attach: admins and services any, a tutor their own. */
    public boolean changes(Long owner) {
        return everything || (tutorId != null && tutorId.equals(owner));
    }
}
