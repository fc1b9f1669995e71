package ru.repitbot.user.db;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.Actor;
import ru.repitbot.user.domain.ParentStudent;
import ru.repitbot.user.domain.TutorStudent;
import ru.repitbot.user.domain.User;

/** Filters of user lists; {@link #visibleTo} is the list form of {@code UserAccessPolicy#canSee}. */
public final class UserSpecifications {

    private UserSpecifications() {
    }

    /** Everyone the actor may see (see UserAccessPolicy): admins and services all, a tutor their people. */
    public static Specification<User> visibleTo(Actor actor) {
        return (root, query, cb) -> {
            if (actor.seesEverything()) {
                return cb.conjunction();
            }
            Predicate self = cb.equal(root.get("id"), actor.id());
            return switch (actor.role()) {
                case TUTOR -> cb.or(self,
                        cb.and(cb.equal(root.get("role"), Role.STUDENT),
                                root.get("id").in(studentsOf(query, cb, actor.id()))),
                        cb.and(cb.equal(root.get("role"), Role.PARENT),
                                root.get("id").in(parentsOfStudentsOf(query, cb, actor.id()))));
                case PARENT -> cb.or(self, cb.and(cb.equal(root.get("role"), Role.STUDENT),
                        root.get("id").in(childrenOf(query, cb, actor.id()))));
                default -> self;
            };
        };
    }

    public static Specification<User> hasRole(Role role) {
        return (root, query, cb) -> role == null ? cb.conjunction() : cb.equal(root.get("role"), role);
    }

    /** Case-insensitive substring of the full name; {@code %} and {@code _} are taken literally. */
    public static Specification<User> nameContains(String search) {
        return (root, query, cb) -> {
            if (search == null || search.isBlank()) {
                return cb.conjunction();
            }
            String escaped = search.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return cb.like(cb.lower(root.get("fullName")), "%" + escaped + "%", '\\');
        };
    }

    public static Specification<User> taughtBy(long tutorId) {
        return (root, query, cb) -> cb.and(cb.equal(root.get("role"), Role.STUDENT),
                root.get("id").in(studentsOf(query, cb, tutorId)));
    }

    public static Specification<User> childrenOfParent(long parentId) {
        return (root, query, cb) -> cb.and(cb.equal(root.get("role"), Role.STUDENT),
                root.get("id").in(childrenOf(query, cb, parentId)));
    }

    public static Specification<User> parentsOfStudent(long studentId) {
        return (root, query, cb) -> {
            Subquery<Long> sub = query.subquery(Long.class);
            Root<ParentStudent> p = sub.from(ParentStudent.class);
            sub.select(p.get("parentId")).where(cb.equal(p.get("studentId"), studentId));
            return cb.and(cb.equal(root.get("role"), Role.PARENT), root.get("id").in(sub));
        };
    }

    public static Specification<User> tutorsOfStudent(long studentId) {
        return (root, query, cb) -> {
            Subquery<Long> sub = query.subquery(Long.class);
            Root<TutorStudent> t = sub.from(TutorStudent.class);
            sub.select(t.get("tutorId")).where(cb.equal(t.get("studentId"), studentId));
            return cb.and(cb.equal(root.get("role"), Role.TUTOR), root.get("id").in(sub));
        };
    }

    private static Subquery<Long> studentsOf(CriteriaQuery<?> query, CriteriaBuilder cb, long tutorId) {
        Subquery<Long> sub = query.subquery(Long.class);
        Root<TutorStudent> t = sub.from(TutorStudent.class);
        return sub.select(t.get("studentId")).where(cb.equal(t.get("tutorId"), tutorId));
    }

    private static Subquery<Long> childrenOf(CriteriaQuery<?> query, CriteriaBuilder cb, long parentId) {
        Subquery<Long> sub = query.subquery(Long.class);
        Root<ParentStudent> p = sub.from(ParentStudent.class);
        return sub.select(p.get("studentId")).where(cb.equal(p.get("parentId"), parentId));
    }

    private static Subquery<Long> parentsOfStudentsOf(CriteriaQuery<?> query, CriteriaBuilder cb, long tutorId) {
        Subquery<Long> sub = query.subquery(Long.class);
        Root<ParentStudent> p = sub.from(ParentStudent.class);
        return sub.select(p.get("parentId")).where(p.get("studentId").in(studentsOf(query, cb, tutorId)));
    }
}
