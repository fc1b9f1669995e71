package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.user.db.OwnStudentAccess;

/** user-service answers ownership from its own link tables, not from the event projection other services keep. */
class StudentAccessIntegrationTest extends IntegrationTest {

    @Autowired
    StudentAccess access;

    @Autowired
    ApplicationContext context;

    @Test
    void ownershipComesFromTheLinkTables() {
        assertThat(access).isInstanceOf(OwnStudentAccess.class);
        assertThat(context.getBeanNamesForType(ru.repitbot.access.AccessProjection.class)).isEmpty();

        long tutor = createTutor("Тьютор Доступа").path("id").asLong();
        long other = createTutor("Другой Тьютор Доступа").path("id").asLong();
        long student = createStudent(tutor, "Ученик Доступа").path("id").asLong();
        long parent = createParent(tutor, "Родитель Доступа", student).path("id").asLong();

        assertThat(access.canSee(new CurrentUser(tutor, Role.TUTOR, null), student)).isTrue();
        assertThat(access.canSee(new CurrentUser(parent, Role.PARENT, null), student)).isTrue();
        assertThat(access.canSee(new CurrentUser(student, Role.STUDENT, null), student)).isTrue();
        assertThat(access.canSee(new CurrentUser(0, null, "lesson-service"), student)).isTrue();
        assertThat(access.canSee(new CurrentUser(other, Role.TUTOR, null), student)).isFalse();
        assertThat(access.canSee(new CurrentUser(tutor, Role.TUTOR, null), parent)).as("not a student").isFalse();
        assertThat(access.visibleStudents(new CurrentUser(tutor, Role.TUTOR, null))).containsExactly(student);
        assertThat(access.visibleStudents(new CurrentUser(parent, Role.PARENT, null))).containsExactly(student);
        assertThat(access.visibleStudents(new CurrentUser(student, Role.STUDENT, null))).containsExactly(student);
        assertThatThrownBy(() -> access.requireVisible(new CurrentUser(other, Role.TUTOR, null), student))
                .isInstanceOf(NotFoundException.class);

        as(tutor, "tutor").delete("/api/v1/users/" + student);
        assertThat(access.canSee(new CurrentUser(tutor, Role.TUTOR, null), student)).isFalse();
        assertThat(access.visibleStudents(new CurrentUser(parent, Role.PARENT, null))).isEmpty();
        assertThat(access.visibleStudents(new CurrentUser(student, Role.STUDENT, null))).isEmpty();
    }
}
