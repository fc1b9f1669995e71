package ru.repitbot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.NotFoundException;

/** The one visibility rule both user-service's tables and the other services' projections answer through. */
class LinkedStudentAccessTest {

    static final long ANNA = 10;       // live student of tutor 1, child of parent 3
    static final long BORIS = 11;      // live student of tutor 2
    static final long DELETED = 12;    // deleted student, still linked to tutor 1 and parent 3
    static final long TUTOR_1 = 1;
    static final long TUTOR_2 = 2;
    static final long PARENT = 3;

    /** Students and links held in memory: the rule is under test here, the SQL in the services' tests. */
    static final LinkedStudentAccess ACCESS = new LinkedStudentAccess() {
        final Set<Long> live = Set.of(ANNA, BORIS);
        final Map<Role, Map<Long, List<Long>>> links = Map.of(
                Role.TUTOR, Map.of(TUTOR_1, List.of(ANNA, DELETED), TUTOR_2, List.of(BORIS)),
                Role.PARENT, Map.of(PARENT, List.of(ANNA, DELETED)));

        @Override
        protected boolean isLiveStudent(long studentId) {
            return live.contains(studentId);
        }

        @Override
        protected boolean isLinked(Role kind, long userId, long studentId) {
            return links.get(kind).getOrDefault(userId, List.of()).contains(studentId);
        }

        @Override
        protected List<Long> linkedLiveStudents(Role kind, long userId) {
            return links.get(kind).getOrDefault(userId, List.of()).stream().filter(live::contains).toList();
        }
    };

    static CurrentUser user(long id, Role role) {
        return new CurrentUser(id, role, null);
    }

    @Test
    void tutorsAndParentsSeeTheirLinkedStudentsOnly() {
        assertThat(ACCESS.canSee(user(TUTOR_1, Role.TUTOR), ANNA)).isTrue();
        assertThat(ACCESS.canSee(user(TUTOR_1, Role.TUTOR), BORIS)).isFalse();
        assertThat(ACCESS.canSee(user(TUTOR_2, Role.TUTOR), ANNA)).isFalse();
        assertThat(ACCESS.canSee(user(PARENT, Role.PARENT), ANNA)).isTrue();
        assertThat(ACCESS.canSee(user(PARENT, Role.PARENT), BORIS)).isFalse();
        assertThat(ACCESS.visibleStudents(user(TUTOR_1, Role.TUTOR))).containsExactly(ANNA);
        assertThat(ACCESS.visibleStudents(user(PARENT, Role.PARENT))).containsExactly(ANNA);
        assertThatThrownBy(() -> ACCESS.requireVisible(user(TUTOR_2, Role.TUTOR), ANNA))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStudentSeesThemselvesOnly() {
        assertThat(ACCESS.canSee(user(ANNA, Role.STUDENT), ANNA)).isTrue();
        assertThat(ACCESS.canSee(user(ANNA, Role.STUDENT), BORIS)).isFalse();
        assertThat(ACCESS.visibleStudents(user(ANNA, Role.STUDENT))).containsExactly(ANNA);
    }

    @Test
    void adminsAndServicesSeeEveryLiveStudent() {
        CurrentUser admin = user(99, Role.ADMIN);
        CurrentUser service = new CurrentUser(0, null, "lesson-service");
        assertThat(ACCESS.canSee(admin, BORIS)).isTrue();
        assertThat(ACCESS.canSee(service, ANNA)).isTrue();
        assertThat(ACCESS.visibleStudents(admin)).as("empty means all").isEmpty();
        assertThat(ACCESS.canSee(admin, TUTOR_1)).as("not a student").isFalse();
    }

    @Test
    void aDeletedStudentIsSeenByNobodyNotEvenThemselves() {
        assertThat(ACCESS.canSee(user(TUTOR_1, Role.TUTOR), DELETED)).isFalse();
        assertThat(ACCESS.canSee(user(PARENT, Role.PARENT), DELETED)).isFalse();
        assertThat(ACCESS.canSee(user(99, Role.ADMIN), DELETED)).isFalse();
        assertThat(ACCESS.canSee(user(DELETED, Role.STUDENT), DELETED)).isFalse();
        assertThat(ACCESS.visibleStudents(user(DELETED, Role.STUDENT))).isEmpty();
    }
}
