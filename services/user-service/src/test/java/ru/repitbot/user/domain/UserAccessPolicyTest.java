package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.NotFoundException;

class UserAccessPolicyTest {

    // Tutor 1 teaches students 10 and 11; tutor 2 teaches 11 and 20. Parent 30 has 10; parent 31 has 10 and 20.
    private static final UserRef ADMIN = new UserRef(100, Role.ADMIN);
    private static final UserRef TUTOR_1 = new UserRef(1, Role.TUTOR);
    private static final UserRef TUTOR_2 = new UserRef(2, Role.TUTOR);
    private static final UserRef STUDENT_10 = new UserRef(10, Role.STUDENT);
    private static final UserRef STUDENT_11 = new UserRef(11, Role.STUDENT);
    private static final UserRef STUDENT_20 = new UserRef(20, Role.STUDENT);
    private static final UserRef PARENT_30 = new UserRef(30, Role.PARENT);
    private static final UserRef PARENT_31 = new UserRef(31, Role.PARENT);

    private final FakeRelations relations = new FakeRelations()
            .teach(1, 10).teach(1, 11).teach(2, 11).teach(2, 20)
            .parent(30, 10).parent(31, 10).parent(31, 20);
    private final UserAccessPolicy policy = new UserAccessPolicy(relations);

    private static Actor actor(UserRef u) {
        return Actor.user(u.id(), u.role());
    }

    @Test
    void adminsAndServicesSeeEveryone() {
        for (UserRef target : new UserRef[] {TUTOR_1, STUDENT_20, PARENT_31, ADMIN}) {
            assertThat(policy.canSee(actor(ADMIN), target)).isTrue();
            assertThat(policy.canSee(Actor.service(), target)).isTrue();
        }
    }

    @Test
    void aTutorSeesThemselvesTheirStudentsAndTheirStudentsParents() {
        Actor tutor = actor(TUTOR_1);
        assertThat(policy.canSee(tutor, TUTOR_1)).isTrue();
        assertThat(policy.canSee(tutor, STUDENT_10)).isTrue();
        assertThat(policy.canSee(tutor, STUDENT_11)).isTrue();
        assertThat(policy.canSee(tutor, PARENT_30)).isTrue();
        assertThat(policy.canSee(tutor, PARENT_31)).isTrue();
        assertThat(policy.canSee(tutor, STUDENT_20)).as("another tutor's student").isFalse();
        assertThat(policy.canSee(tutor, TUTOR_2)).as("another tutor").isFalse();
        assertThat(policy.canSee(tutor, ADMIN)).isFalse();
    }

    @Test
    void aParentSeesThemselvesAndTheirChildrenOnly() {
        Actor parent = actor(PARENT_30);
        assertThat(policy.canSee(parent, PARENT_30)).isTrue();
        assertThat(policy.canSee(parent, STUDENT_10)).isTrue();
        assertThat(policy.canSee(parent, STUDENT_20)).as("another family's child").isFalse();
        assertThat(policy.canSee(parent, PARENT_31)).isFalse();
        assertThat(policy.canSee(parent, TUTOR_1)).isFalse();
    }

    @Test
    void aStudentSeesOnlyThemselves() {
        assertThat(policy.canSee(actor(STUDENT_10), STUDENT_10)).isTrue();
        assertThat(policy.canSee(actor(STUDENT_10), STUDENT_11)).isFalse();
        assertThat(policy.canSee(actor(STUDENT_10), TUTOR_1)).isFalse();
        assertThat(policy.canSee(actor(STUDENT_10), PARENT_30)).isFalse();
    }

    @Test
    void aForeignUserIsNotFoundAndAWrongRoleForbidden() {
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(TUTOR_1), STUDENT_20, false))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(PARENT_30), STUDENT_10, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(STUDENT_10), STUDENT_10, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(Actor.service(), STUDENT_10, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(Actor.service(), STUDENT_10, true))
                .as("services only read").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayBrowse(actor(STUDENT_10))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayBrowse(actor(PARENT_30))).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> policy.requireMayBrowse(actor(TUTOR_1))).doesNotThrowAnyException();
    }

    @Test
    void aStudentOrAParentChangesTheirOwnTimeZoneAndNothingElse() {
        assertThatCode(() -> policy.requireMayUpdate(actor(STUDENT_10), STUDENT_10, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.requireMayUpdate(actor(PARENT_30), PARENT_30, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(PARENT_30), PARENT_30, false))
                .as("their own name").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(PARENT_30), STUDENT_10, true))
                .as("their child's zone: seen, not theirs to change").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(PARENT_30), PARENT_31, true))
                .as("another parent, even of the same child").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(STUDENT_10), STUDENT_11, true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireMayUpdate(actor(STUDENT_10), TUTOR_1, true))
                .isInstanceOf(NotFoundException.class);
        assertThatCode(() -> policy.requireMayUpdate(actor(TUTOR_1), STUDENT_10, false)).doesNotThrowAnyException();
        assertThatCode(() -> policy.requireMayUpdate(actor(ADMIN), PARENT_31, false)).doesNotThrowAnyException();
    }

    @Test
    void aTutorsAccessCodeIsResetByAnAdmin() {
        assertThatThrownBy(() -> policy.requireMayResetCode(actor(TUTOR_1), TUTOR_1))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> policy.requireMayResetCode(actor(ADMIN), TUTOR_1)).doesNotThrowAnyException();
        assertThatCode(() -> policy.requireMayResetCode(actor(TUTOR_1), PARENT_30)).doesNotThrowAnyException();
    }

    @Test
    void aTutorDeletesAnOnlyStudentButDetachesASharedOne() {
        assertThat(policy.deletion(actor(TUTOR_1), STUDENT_10)).isEqualTo(UserAccessPolicy.Deletion.DELETE);
        assertThat(policy.deletion(actor(TUTOR_1), STUDENT_11)).isEqualTo(UserAccessPolicy.Deletion.DETACH);
        assertThat(policy.deletion(actor(TUTOR_1), PARENT_30)).isEqualTo(UserAccessPolicy.Deletion.DELETE);
        assertThat(policy.deletion(actor(TUTOR_1), PARENT_31)).as("has tutor 2's child")
                .isEqualTo(UserAccessPolicy.Deletion.DETACH);
        assertThat(policy.deletion(actor(ADMIN), STUDENT_11)).isEqualTo(UserAccessPolicy.Deletion.DELETE);
    }

    @Test
    void adminsAreNotDeletedAndTutorsDoNotDeleteThemselves() {
        assertThatThrownBy(() -> policy.deletion(actor(ADMIN), ADMIN)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.deletion(actor(TUTOR_1), TUTOR_1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.deletion(actor(TUTOR_1), TUTOR_2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTutorLinksParentsOnlyWithinTheirOwnStudents() {
        assertThatCode(() -> policy.requireMayLinkParent(actor(TUTOR_1), STUDENT_11, PARENT_30))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireMayLinkParent(actor(TUTOR_1), STUDENT_20, PARENT_30))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireMayLinkParent(actor(TUTOR_2), STUDENT_11, PARENT_30))
                .as("parent 30 has no child of tutor 2").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireMayLinkParent(actor(TUTOR_1), STUDENT_10, STUDENT_11))
                .as("not a parent").isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAnAdminAssignsTutors() {
        assertThatThrownBy(() -> policy.requireMayLinkTutor(actor(TUTOR_1), STUDENT_10, TUTOR_2))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> policy.requireMayLinkTutor(actor(ADMIN), STUDENT_10, TUTOR_2))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireMayLinkTutor(actor(ADMIN), STUDENT_10, PARENT_30))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStudentKeepsAtLeastOneTutor() {
        assertThatThrownBy(() -> UserAccessPolicy.requireKeepsATutor(0)).isInstanceOf(ConflictException.class);
        assertThatCode(() -> UserAccessPolicy.requireKeepsATutor(1)).doesNotThrowAnyException();
    }

    /** Links in memory. */
    static final class FakeRelations implements Relations {
        private final Set<String> teaches = new HashSet<>();
        private final Set<String> parents = new HashSet<>();

        FakeRelations teach(long tutor, long student) {
            teaches.add(tutor + ":" + student);
            return this;
        }

        FakeRelations parent(long parent, long student) {
            parents.add(parent + ":" + student);
            return this;
        }

        @Override
        public boolean teaches(long tutorId, long studentId) {
            return teaches.contains(tutorId + ":" + studentId);
        }

        @Override
        public boolean isParentOf(long parentId, long studentId) {
            return parents.contains(parentId + ":" + studentId);
        }

        @Override
        public boolean teachesChildOf(long tutorId, long parentId) {
            return parents.stream().filter(p -> p.startsWith(parentId + ":"))
                    .anyMatch(p -> teaches(tutorId, Long.parseLong(p.split(":")[1])));
        }

        @Override
        public boolean hasOtherTutor(long studentId, long tutorId) {
            return teaches.stream().anyMatch(t -> t.endsWith(":" + studentId) && !t.startsWith(tutorId + ":"));
        }

        @Override
        public boolean hasChildNotTaughtBy(long parentId, long tutorId) {
            return parents.stream().filter(p -> p.startsWith(parentId + ":"))
                    .anyMatch(p -> !teaches(tutorId, Long.parseLong(p.split(":")[1])));
        }
    }
}
