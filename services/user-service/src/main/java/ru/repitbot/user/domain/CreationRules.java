package ru.repitbot.user.domain;

import java.util.List;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Who creates whom (docs/domain/users-and-access.md#roles): an admin creates tutors (and may create students and parents for any
 * tutor); a tutor creates students, who are linked to that tutor, and parents of their own students. Admins come only
 * from the installation's settings; services do not create users.
 */
public final class CreationRules {

    /** The links a new user starts with (ids not yet checked against the database). */
    public record Links(List<Long> tutorIds, List<Long> parentIds, List<Long> studentIds) {
    }

    private CreationRules() {
    }

    /**
     * @throws ForbiddenException when the caller's role may not create this role
     * @throws InvalidFieldException when links are given that the role cannot have, or required ones are missing
     */
    public static Links plan(Actor actor, Role role, List<Long> tutorIds, List<Long> parentIds,
            List<Long> studentIds) {
        List<Long> tutors = distinct(tutorIds);
        List<Long> parents = distinct(parentIds);
        List<Long> students = distinct(studentIds);
        if (actor.isService()) {
            throw new ForbiddenException("Services do not create users");
        }
        if (!actor.is(Role.ADMIN) && !actor.is(Role.TUTOR)) {
            throw new ForbiddenException("Only tutors and admins create users");
        }
        if (role == Role.ADMIN) {
            throw new ForbiddenException("Admins are created from the installation's settings only");
        }
        return switch (role) {
            case TUTOR -> {
                if (!actor.is(Role.ADMIN)) {
                    throw new ForbiddenException("Only an admin creates tutors");
                }
                noLinks("tutor_ids", tutors, "tutors");
                noLinks("parent_ids", parents, "tutors");
                noLinks("student_ids", students, "tutors");
                yield new Links(List.of(), List.of(), List.of());
            }
            case STUDENT -> {
                noLinks("student_ids", students, "students");
                if (actor.is(Role.TUTOR)) {
                    if (tutors.stream().anyMatch(t -> t != actor.id())) {
                        throw new ForbiddenException("Only an admin links a student to other tutors");
                    }
                    yield new Links(List.of(actor.id()), parents, List.of());
                }
                if (tutors.isEmpty()) {
                    throw new InvalidFieldException("tutor_ids", "a student needs at least one tutor");
                }
                yield new Links(tutors, parents, List.of());
            }
            case PARENT -> {
                noLinks("tutor_ids", tutors, "parents");
                noLinks("parent_ids", parents, "parents");
                if (actor.is(Role.TUTOR) && students.isEmpty()) {
                    throw new InvalidFieldException("student_ids", "name at least one of your students");
                }
                yield new Links(List.of(), List.of(), students);
            }
            default -> throw new ForbiddenException("Role " + role + " cannot be created");
        };
    }

    private static void noLinks(String field, List<Long> ids, String who) {
        if (!ids.isEmpty()) {
            throw new InvalidFieldException(field, "not allowed for " + who);
        }
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }
}
