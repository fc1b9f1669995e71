package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;

class CreationRulesTest {

    private static final Actor ADMIN = Actor.user(1, Role.ADMIN);
    private static final Actor TUTOR = Actor.user(5, Role.TUTOR);

    @Test
    void anAdminCreatesTutors() {
        assertThat(CreationRules.plan(ADMIN, Role.TUTOR, null, null, null).tutorIds()).isEmpty();
    }

    @Test
    void aTutorsStudentIsLinkedToThatTutor() {
        CreationRules.Links links = CreationRules.plan(TUTOR, Role.STUDENT, null, List.of(40L), null);
        assertThat(links.tutorIds()).containsExactly(5L);
        assertThat(links.parentIds()).containsExactly(40L);
    }

    @Test
    void aTutorCannotHandAStudentToAnotherTutor() {
        assertThatThrownBy(() -> CreationRules.plan(TUTOR, Role.STUDENT, List.of(6L), null, null))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anAdminsStudentNeedsATutor() {
        assertThatThrownBy(() -> CreationRules.plan(ADMIN, Role.STUDENT, List.of(), null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("tutor_ids"));
        assertThat(CreationRules.plan(ADMIN, Role.STUDENT, List.of(5L, 5L, 6L), null, null).tutorIds())
                .containsExactly(5L, 6L);
    }

    @Test
    void aTutorsParentNeedsOneOfTheirStudents() {
        assertThatThrownBy(() -> CreationRules.plan(TUTOR, Role.PARENT, null, null, List.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("student_ids"));
        assertThat(CreationRules.plan(TUTOR, Role.PARENT, null, null, List.of(10L)).studentIds())
                .containsExactly(10L);
    }

    @Test
    void nobodyCreatesAdminsAndOnlyAdminsCreateTutors() {
        assertThatThrownBy(() -> CreationRules.plan(ADMIN, Role.ADMIN, null, null, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> CreationRules.plan(TUTOR, Role.TUTOR, null, null, null))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void studentsParentsAndServicesCreateNobody() {
        for (Actor actor : new Actor[] {Actor.user(9, Role.STUDENT), Actor.user(9, Role.PARENT), Actor.service()}) {
            assertThatThrownBy(() -> CreationRules.plan(actor, Role.STUDENT, null, null, null))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void linksThatDoNotFitTheRoleAreBadInput() {
        assertThatThrownBy(() -> CreationRules.plan(ADMIN, Role.TUTOR, null, null, List.of(3L)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("student_ids"));
        assertThatThrownBy(() -> CreationRules.plan(TUTOR, Role.PARENT, List.of(5L), null, List.of(3L)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("tutor_ids"));
    }
}
