package ru.repitbot.user.app;

import ru.repitbot.user.api.CreateUserRequest;
import ru.repitbot.user.api.UpdateUserRequest;
import ru.repitbot.user.api.UserResponse;
import ru.repitbot.user.api.UserSummary;
import ru.repitbot.user.api.UserWithAccessCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.events.catalogue.UserEvents.LinkKind;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.models.errors.UnauthorizedException;
import ru.repitbot.user.db.ParentStudentRepository;
import ru.repitbot.user.db.TutorStudentRepository;
import ru.repitbot.user.db.UserRepository;
import ru.repitbot.user.db.UserSpecifications;
import ru.repitbot.user.domain.AccessCodeGenerator;
import ru.repitbot.user.domain.AccessCodeHasher;
import ru.repitbot.user.domain.Actor;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.user.domain.CreationRules;
import ru.repitbot.user.domain.ParentStudent;
import ru.repitbot.user.domain.TimeZones;
import ru.repitbot.user.domain.TutorStudent;
import ru.repitbot.user.domain.User;
import ru.repitbot.user.domain.UserAccessPolicy;
import ru.repitbot.user.domain.UserRef;
import ru.repitbot.user.events.UserEventPublisher;

/** The use cases behind {@code /api/v1/users}: each one transaction, its events written in it. */
@Service
public class UserService {

    private static final Sort BY_NAME = Sort.by("fullName").and(Sort.by("id"));

    private final UserRepository users;
    private final TutorStudentRepository tutorLinks;
    private final ParentStudentRepository parentLinks;
    private final UserAccessPolicy policy;
    private final AccessCodeGenerator codes;
    private final AccessCodeHasher hasher;
    private final TimeZones timeZones;
    private final UserEventPublisher events;
    private final Clock clock;

    public UserService(UserRepository users, TutorStudentRepository tutorLinks, ParentStudentRepository parentLinks,
            UserAccessPolicy policy, AccessCodeGenerator codes, AccessCodeHasher hasher, TimeZones timeZones,
            UserEventPublisher events, Clock clock) {
        this.users = users;
        this.tutorLinks = tutorLinks;
        this.parentLinks = parentLinks;
        this.policy = policy;
        this.codes = codes;
        this.hasher = hasher;
        this.timeZones = timeZones;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UserWithAccessCode create(Actor actor, CreateUserRequest request) {
        CreationRules.Links links = CreationRules.plan(actor, request.role(), request.tutorIds(),
                request.parentIds(), request.studentIds());
        User creator = caller(actor);
        List<User> tutors = new ArrayList<>();
        for (long id : links.tutorIds()) {
            tutors.add(id == creator.id() ? creator : existing(id, Role.TUTOR, "tutor"));
        }
        List<User> parents = new ArrayList<>();
        for (long id : links.parentIds()) {
            parents.add(visible(actor, id, Role.PARENT, "parent"));
        }
        List<User> students = new ArrayList<>();
        for (long id : links.studentIds()) {
            students.add(visible(actor, id, Role.STUDENT, "student"));
        }
        String inherited = creator.is(Role.TUTOR) ? creator.timeZone()
                : !tutors.isEmpty() ? tutors.getFirst().timeZone()
                : !students.isEmpty() ? students.getFirst().timeZone() : null;
        String zone = timeZones.resolve(request.timeZone(), inherited);

        String code = codes.nextUnused(c -> users.existsByAccessCodeHash(hasher.hash(c)));
        User user = User.create(request.role(), request.fullName(), zone, request.grade(), hasher.hash(code),
                creator.id(), clock.instant());
        if (request.username() != null) {
            user.update(null, null, null, request.username(), clock.instant());
        }
        user = users.save(user);
        long id = user.id();
        var now = clock.instant();
        tutors.forEach(t -> tutorLinks.save(new TutorStudent(t.id(), id, now)));
        parents.forEach(p -> parentLinks.save(new ParentStudent(p.id(), id, now)));
        students.forEach(s -> parentLinks.save(new ParentStudent(id, s.id(), now)));

        events.created(user, tutors.stream().map(User::id).toList(), parents.stream().map(User::id).toList());
        students.forEach(s -> events.linked(LinkKind.parent, id, s.id()));
        return UserWithAccessCode.of(user, code);
    }

    @Transactional(readOnly = true)
    public UserResponse get(Actor actor, long id) {
        return UserResponse.of(visible(actor, id));
    }

    @Transactional(readOnly = true)
    public UserResponse me(Actor actor) {
        if (actor.isService()) {
            throw new ForbiddenException("A service has no user profile");
        }
        return UserResponse.of(users.findById(actor.id()).orElseThrow(() -> new NotFoundException("user",
                actor.id())));
    }

    @Transactional(readOnly = true)
    public UserResponse byTelegram(Actor actor, long telegramId) {
        User user = users.findByTelegramId(telegramId)
                .filter(u -> actor.seesEverything() || actor.isSelf(UserRef.of(u)))
                .orElseThrow(() -> new NotFoundException("user with telegram id", telegramId));
        return UserResponse.of(user);
    }

    @Transactional(readOnly = true)
    public PageResponse<UserResponse> list(Actor actor, Role role, String search, PageQuery page) {
        policy.requireMayBrowse(actor);
        Specification<User> spec = UserSpecifications.visibleTo(actor)
                .and(UserSpecifications.hasRole(role))
                .and(UserSpecifications.nameContains(search));
        if (actor.is(Role.TUTOR)) {
            spec = spec.and((root, query, cb) -> cb.notEqual(root.get("id"), actor.id()));
        }
        return page(spec, page);
    }

    /** A tutor's students: the tutor themselves, an admin or a service. */
    @Transactional(readOnly = true)
    public PageResponse<UserResponse> students(Actor actor, long tutorId, String search, PageQuery page) {
        policy.requireMayBrowse(actor);
        visible(actor, tutorId, Role.TUTOR, "tutor");
        return page(UserSpecifications.taughtBy(tutorId).and(UserSpecifications.nameContains(search)), page);
    }

    /** A parent's children, as far as the caller may see them. */
    @Transactional(readOnly = true)
    public List<UserResponse> children(Actor actor, long parentId) {
        visible(actor, parentId, Role.PARENT, "parent");
        return users.findAll(UserSpecifications.childrenOfParent(parentId)
                .and(UserSpecifications.visibleTo(actor)), BY_NAME).stream().map(UserResponse::of).toList();
    }

    @Transactional(readOnly = true)
    public List<UserResponse> myChildren(Actor actor) {
        if (!actor.is(Role.PARENT)) {
            throw new ForbiddenException("Only parents have children here");
        }
        return children(actor, actor.id());
    }

    /** The parents of a student anyone may see who sees the student. */
    @Transactional(readOnly = true)
    public List<UserResponse> parents(Actor actor, long studentId) {
        visible(actor, studentId, Role.STUDENT, "student");
        return users.findAll(UserSpecifications.parentsOfStudent(studentId), BY_NAME).stream()
                .map(UserResponse::of).toList();
    }

    /** Who teaches a student, as names: enough for a student or parent to know whom to write to. */
    @Transactional(readOnly = true)
    public List<UserSummary> tutors(Actor actor, long studentId) {
        visible(actor, studentId, Role.STUDENT, "student");
        return users.findAll(UserSpecifications.tutorsOfStudent(studentId), BY_NAME).stream()
                .map(UserSummary::of).toList();
    }

    @Transactional(readOnly = true)
    public List<UserSummary> myTutors(Actor actor) {
        if (!actor.is(Role.STUDENT)) {
            throw new ForbiddenException("Only students have tutors here");
        }
        return tutors(actor, actor.id());
    }

    @Transactional
    public UserResponse update(Actor actor, long id, UpdateUserRequest request) {
        User user = existing(id);
        boolean onlyTimeZone = request.fullName() == null && request.grade() == null && request.username() == null;
        policy.requireMayUpdate(actor, UserRef.of(user), onlyTimeZone);
        String zone = request.timeZone() == null ? null : TimeZones.validate("time_zone", request.timeZone());
        UserChanges changes = user.update(request.fullName(), zone, request.grade(), request.username(),
                clock.instant());
        users.saveAndFlush(user);
        events.updated(user, changes);
        return UserResponse.of(user);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        User user = existing(id);
        UserAccessPolicy.Deletion deletion = policy.deletion(actor, UserRef.of(user));
        if (deletion == UserAccessPolicy.Deletion.DELETE) {
            user.markDeleted(clock.instant());
            users.saveAndFlush(user);
            tutorLinks.deleteAllOf(id);
            parentLinks.deleteAllOf(id);
            events.deleted(user);
        } else if (user.is(Role.STUDENT)) {
            if (tutorLinks.unlink(actor.id(), id) > 0) {
                events.unlinked(LinkKind.tutor, actor.id(), id);
            }
        } else {
            for (long child : parentLinks.childIdsTaughtBy(id, actor.id())) {
                if (parentLinks.unlink(id, child) > 0) {
                    events.unlinked(LinkKind.parent, id, child);
                }
            }
        }
    }

    /** A new code, shown once; the old one stops working and Telegram is unbound so the new one can bind. */
    @Transactional
    public UserWithAccessCode resetAccessCode(Actor actor, long id) {
        User user = existing(id);
        policy.requireMayResetCode(actor, UserRef.of(user));
        String code = codes.nextUnused(c -> users.existsByAccessCodeHash(hasher.hash(c)));
        UserChanges changes = user.replaceAccessCode(hasher.hash(code), clock.instant());
        users.saveAndFlush(user);
        events.updated(user, changes);
        return UserWithAccessCode.of(user, code);
    }

    @Transactional
    public void linkParent(Actor actor, long studentId, long parentId) {
        User student = existingForLink(studentId, "student");
        User parent = existingForLink(parentId, "parent");
        policy.requireMayLinkParent(actor, UserRef.of(student), UserRef.of(parent));
        if (!parentLinks.existsByParentIdAndStudentId(parentId, studentId)) {
            parentLinks.save(new ParentStudent(parentId, studentId, clock.instant()));
            events.linked(LinkKind.parent, parentId, studentId);
        }
    }

    @Transactional
    public void unlinkParent(Actor actor, long studentId, long parentId) {
        User student = existingForLink(studentId, "student");
        User parent = existingForLink(parentId, "parent");
        policy.requireMayLinkParent(actor, UserRef.of(student), UserRef.of(parent));
        if (parentLinks.unlink(parentId, studentId) > 0) {
            events.unlinked(LinkKind.parent, parentId, studentId);
        }
    }

    @Transactional
    public void linkTutor(Actor actor, long studentId, long tutorId) {
        requireAdmin(actor);
        User student = existingForLink(studentId, "student");
        User tutor = existingForLink(tutorId, "tutor");
        policy.requireMayLinkTutor(actor, UserRef.of(student), UserRef.of(tutor));
        if (!tutorLinks.existsByTutorIdAndStudentId(tutorId, studentId)) {
            tutorLinks.save(new TutorStudent(tutorId, studentId, clock.instant()));
            events.linked(LinkKind.tutor, tutorId, studentId);
        }
    }

    @Transactional
    public void unlinkTutor(Actor actor, long studentId, long tutorId) {
        requireAdmin(actor);
        User student = users.lockById(studentId).orElseThrow(() -> new NotFoundException("student", studentId));
        User tutor = existingForLink(tutorId, "tutor");
        policy.requireMayLinkTutor(actor, UserRef.of(student), UserRef.of(tutor));
        if (tutorLinks.existsByTutorIdAndStudentId(tutorId, studentId)) {
            UserAccessPolicy.requireKeepsATutor(tutorLinks.countByStudentId(studentId) - 1);
            tutorLinks.unlink(tutorId, studentId);
            events.unlinked(LinkKind.tutor, tutorId, studentId);
        }
    }

    private PageResponse<UserResponse> page(Specification<User> spec, PageQuery page) {
        Page<User> result = users.findAll(spec, PageRequest.of(page.page() - 1, page.size(), BY_NAME));
        return PageResponse.of(result.getContent().stream().map(UserResponse::of).toList(),
                result.getTotalElements(), page.page(), page.size());
    }

    /** The calling user's own row: a token of a deleted user no longer acts. */
    private User caller(Actor actor) {
        return users.findById(actor.id())
                .orElseThrow(() -> new UnauthorizedException("Your account no longer exists"));
    }

    private User existing(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private User existing(long id, Role role, String what) {
        return users.findById(id).filter(u -> u.is(role)).orElseThrow(() -> new NotFoundException(what, id));
    }

    private User existingForLink(long id, String what) {
        return users.findById(id).orElseThrow(() -> new NotFoundException(what, id));
    }

    private User visible(Actor actor, long id) {
        User user = existing(id);
        policy.requireVisible(actor, UserRef.of(user));
        return user;
    }

    private User visible(Actor actor, long id, Role role, String what) {
        User user = existing(id, role, what);
        if (!policy.canSee(actor, UserRef.of(user))) {
            throw new NotFoundException(what, id);
        }
        return user;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("Only an admin assigns tutors to a student");
        }
    }
}
