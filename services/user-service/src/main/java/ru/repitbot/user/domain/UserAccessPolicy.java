package ru.repitbot.user.domain;

import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Who may see and change which user (docs/domain/users-and-access.md#who-may-see-what). A user the caller may not see is answered
 * 404, as if it did not exist; something the caller's role may never do is 403.
 * <ul>
 *   <li>admin and services see everyone; only admins change anything, services only read;</li>
 *   <li>a tutor sees their own students and the parents of their students, and manages them;</li>
 *   <li>a parent sees their children; a student sees themselves; each changes only their own time zone;</li>
 *   <li>everyone sees themselves.</li>
 * </ul>
 */
public final class UserAccessPolicy {

    /** What a delete does: remove the user, or only take them out of the deleting tutor's reach. */
    public enum Deletion { DELETE, DETACH }

    private final Relations relations;

    public UserAccessPolicy(Relations relations) {
        this.relations = relations;
    }

    public boolean canSee(Actor actor, UserRef target) {
        if (actor.seesEverything() || actor.isSelf(target)) {
            return true;
        }
        return switch (actor.role()) {
            case TUTOR -> target.is(Role.STUDENT) && relations.teaches(actor.id(), target.id())
                    || target.is(Role.PARENT) && relations.teachesChildOf(actor.id(), target.id());
            case PARENT -> target.is(Role.STUDENT) && relations.isParentOf(actor.id(), target.id());
            default -> false;
        };
    }

    /** @throws NotFoundException when the caller may not see {@code target} */
    public void requireVisible(Actor actor, UserRef target) {
        if (!canSee(actor, target)) {
            throw new NotFoundException("user", target.id());
        }
    }

    /** Listing users and reading a tutor's roster: admins, tutors and services. */
    public void requireMayBrowse(Actor actor) {
        if (actor.isService() || actor.is(Role.ADMIN) || actor.is(Role.TUTOR)) {
            return;
        }
        throw new ForbiddenException("Only tutors and admins list users");
    }

    /**
     * Changing names, zones, grades and usernames: an admin anyone, a tutor themselves and their people. A student or
     * a parent changes their own time zone and nothing else (the bot's settings,
     * docs/domain/users-and-access.md#who-may-see-what): someone they cannot see is 404, anyone else or any other
     * field 403.
     *
     * @param onlyTimeZone whether the change names no field but the time zone
     */
    public void requireMayUpdate(Actor actor, UserRef target, boolean onlyTimeZone) {
        if (actor.is(Role.STUDENT) || actor.is(Role.PARENT)) {
            requireVisible(actor, target);
            if (!actor.isSelf(target)) {
                throw new ForbiddenException("A student or parent changes only their own time zone");
            }
            if (!onlyTimeZone) {
                throw new ForbiddenException("A student or parent changes only their time_zone; the name, grade "
                        + "and username are changed by their tutor");
            }
            return;
        }
        requireManager(actor);
        requireVisible(actor, target);
    }

    /** A new access code (which also unbinds Telegram): an admin anyone, a tutor their students and parents. */
    public void requireMayResetCode(Actor actor, UserRef target) {
        requireManager(actor);
        requireVisible(actor, target);
        if (actor.is(Role.TUTOR) && actor.isSelf(target)) {
            throw new ForbiddenException("A tutor's access code is reset by an admin");
        }
    }

    /**
     * An admin deletes any user but an admin. A tutor deletes their students and parents, but a student another tutor
     * also teaches (or a parent with a child of another tutor) is only detached from this tutor, not taken from the
     * other tutor.
     */
    public Deletion deletion(Actor actor, UserRef target) {
        requireManager(actor);
        requireVisible(actor, target);
        if (target.is(Role.ADMIN)) {
            throw new ForbiddenException("Admins are managed through the installation's settings");
        }
        if (actor.is(Role.ADMIN)) {
            return Deletion.DELETE;
        }
        if (actor.isSelf(target)) {
            throw new ForbiddenException("A tutor is deleted by an admin");
        }
        boolean shared = target.is(Role.STUDENT)
                ? relations.hasOtherTutor(target.id(), actor.id())
                : relations.hasChildNotTaughtBy(target.id(), actor.id());
        return shared ? Deletion.DETACH : Deletion.DELETE;
    }

    /**
     * Linking or unlinking a parent and a student: an admin any pair, a tutor only for their own student and a parent
     * they can see.
     */
    public void requireMayLinkParent(Actor actor, UserRef student, UserRef parent) {
        requireManager(actor);
        requireRole(student, Role.STUDENT, "student");
        requireVisible(actor, student);
        requireRole(parent, Role.PARENT, "parent");
        requireVisible(actor, parent);
    }

    /** Which tutors teach a student is an admin's decision. */
    public void requireMayLinkTutor(Actor actor, UserRef student, UserRef tutor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("Only an admin assigns tutors to a student");
        }
        requireRole(student, Role.STUDENT, "student");
        requireRole(tutor, Role.TUTOR, "tutor");
    }

    /** Every student belongs to at least one tutor (docs/domain/users-and-access.md#q9-many-tutors). */
    public static void requireKeepsATutor(long tutorsLeft) {
        if (tutorsLeft < 1) {
            throw new ConflictException("A student keeps at least one tutor; link another tutor first");
        }
    }

    private static void requireManager(Actor actor) {
        if (actor.is(Role.ADMIN) || actor.is(Role.TUTOR)) {
            return;
        }
        throw new ForbiddenException(actor.isService() ? "Services only read users"
                : "Only tutors and admins change users");
    }

    private static void requireRole(UserRef user, Role role, String what) {
        if (!user.is(role)) {
            throw new NotFoundException(what, user.id());
        }
    }
}
