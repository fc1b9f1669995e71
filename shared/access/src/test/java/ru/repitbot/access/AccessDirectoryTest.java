package ru.repitbot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * The access API on real PostgreSQL with the shared migration V0_3 (rows as the projection writes them, through
 * {@link AccessFixtures}): the facts services ask for, and the bounded wait for a user created a moment ago.
 */
class AccessDirectoryTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    private static JdbcTemplate jdbc;

    private final LateUsers lateUsers = new LateUsers(jdbc, BOUND, Duration.ofMinutes(1), 4);
    private final AccessDirectory directory = new AccessDirectory(jdbc, lateUsers);
    private final StudentAccess access = new ProjectedStudentAccess(directory);

    @BeforeAll
    static void database() throws IOException {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(TestInfrastructure.get().jdbcUrl()));
        jdbc.execute("DROP TABLE IF EXISTS access_link, access_user");
        jdbc.execute(new ClassPathResource("db/shared/V0_3__access_projection.sql")
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    private static CurrentUser admin() {
        return new CurrentUser(1, Role.ADMIN, null);
    }

    @Test
    void aStudentWhoseCreationIsStillOnItsWayIsFoundOnceItArrives() throws Exception {
        long tutor = users().tutor();
        long student = AccessFixtures.newId();
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            access.requireVisible(new CurrentUser(tutor, Role.TUTOR, null), student);
            access.requireVisible(admin(), student);
        });
        Thread.sleep(300);
        assertThat(request).as("still waiting for user.created").isNotDone();
        // The link first: the projection writes both in one transaction, and the waiting request may look between.
        jdbc.update("INSERT INTO access_link (kind, user_id, student_id) VALUES ('tutor', ?, ?)", tutor, student);
        jdbc.update("INSERT INTO access_user (id, role, full_name, time_zone) VALUES (?, 'student', 'Поздний', ?)",
                student, "Asia/Omsk");

        assertThatCode(() -> request.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
        assertThat(lateUsers.waits()).isEqualTo(1);
        assertThat(directory.zoneOf(student)).contains(ZoneId.of("Asia/Omsk"));
    }

    @Test
    void anIdNobodyCreatedIsNotFoundAfterTheBoundAndThenAtOnce() {
        long nobody = AccessFixtures.newId();

        assertThatThrownBy(() -> access.requireVisible(admin(), nobody)).isInstanceOf(NotFoundException.class);
        assertThat(lateUsers.waits()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> access.requireVisible(admin(), nobody)).isInstanceOf(NotFoundException.class);
            assertThat(directory.isActive(nobody)).isFalse();
        }
        assertThat(lateUsers.waits()).as("remembered as unknown: no more waits").isEqualTo(1);
    }

    @Test
    void someoneElsesOrADeletedStudentIsNotFoundWithoutWaiting() {
        long mine = users().tutor();
        long theirs = users().tutor();
        long theirStudent = users().student(theirs);
        long gone = users().student(mine);
        jdbc.update("UPDATE access_user SET deleted = TRUE WHERE id = ?", gone);
        CurrentUser me = new CurrentUser(mine, Role.TUTOR, null);

        assertThatThrownBy(() -> access.requireVisible(me, theirStudent)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.requireVisible(me, gone)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.requireVisible(admin(), gone)).isInstanceOf(NotFoundException.class);
        assertThat(directory.isTutorOf(mine, theirStudent)).isFalse();
        assertThat(lateUsers.waits()).as("known ids never wait").isZero();
    }

    @Test
    void onlyABoundedNumberOfRequestsWaitAtOnce() throws Exception {
        LateUsers one = new LateUsers(jdbc, BOUND, Duration.ofMinutes(1), 1);
        long first = AccessFixtures.newId();
        long second = AccessFixtures.newId();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> one.awaitKnown(first));
        Thread.sleep(200);

        assertThat(one.awaitKnown(second)).as("answered from the projection as it is").isFalse();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(one.waits()).isEqualTo(1);
    }

    @Test
    void answersTheQuestionsServicesAsk() {
        long tutor = users().tutor();
        long formerTutor = users().tutor();
        long student = users().studentIn("Asia/Yekaterinburg", tutor, formerTutor);
        long other = users().studentIn("Not/AZone");
        long parent = users().parent(student);
        jdbc.update("UPDATE access_user SET deleted = TRUE WHERE id = ?", formerTutor);
        long unknown = AccessFixtures.newId();

        assertThat(directory.isActive(tutor)).isTrue();
        assertThat(directory.isActive(formerTutor)).isFalse();
        assertThat(directory.isLiveStudent(student)).isTrue();
        assertThat(directory.isLiveStudent(tutor)).as("not a student").isFalse();
        assertThat(directory.isTutorOf(tutor, student)).isTrue();
        assertThat(directory.isTutorOf(formerTutor, student)).as("deleted tutor").isFalse();
        assertThat(directory.isLinkedTutorOfAny(formerTutor, List.of(other, student))).as("link stays").isTrue();
        assertThat(directory.isLinkedTutorOfAny(tutor, List.of(other))).isFalse();
        assertThat(directory.isLinkedTutorOfAny(tutor, List.of())).isFalse();
        assertThat(directory.tutorsOf(student)).containsExactly(Math.min(tutor, formerTutor),
                Math.max(tutor, formerTutor));
        assertThat(directory.isLinked(Role.PARENT, parent, student)).isTrue();
        assertThat(directory.isLinked(Role.TUTOR, parent, student)).isFalse();
        assertThat(directory.linkedLiveStudents(Role.PARENT, parent)).containsExactly(student);
        assertThat(directory.liveAmong(List.of(tutor, formerTutor, student, unknown)))
                .containsExactlyInAnyOrder(tutor, student);
        assertThat(directory.zoneOf(student)).contains(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(directory.zoneOf(other)).as("a broken zone is no zone").isEmpty();
        assertThat(directory.zonesOf(List.of(student, other, unknown)))
                .isEqualTo(Map.of(student, ZoneId.of("Asia/Yekaterinburg")));
        assertThat(directory.fullNamesOf(List.of(student, unknown))).isEqualTo(Map.of(student, "Ученик " + student));
        assertThat(directory.zonesOf(List.of())).isEmpty();
    }

    @Test
    void theParentsOfStudentsAreTheLiveLinkedOnesAndRolesAreKnown() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long lonely = users().student(tutor);
        long mother = users().parent(student);
        long father = users().parent(student);
        long gone = users().parent(student);
        jdbc.update("UPDATE access_user SET deleted = TRUE WHERE id = ?", gone);

        Map<Long, List<Long>> parents = directory.parentsOf(List.of(student, lonely));
        assertThat(parents).containsOnlyKeys(student);
        assertThat(parents.get(student)).containsExactly(mother, father);
        assertThat(directory.rolesOf(List.of(tutor, student, mother, AccessFixtures.newId())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(tutor, Role.TUTOR, student, Role.STUDENT, mother, Role.PARENT));
    }
}
