package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.access.LateUsers;
import ru.repitbot.testsupport.ApiClient;

/**
 * A user created a moment ago is known everywhere: a payment recorded right after its student was created in
 * user-service succeeds even while payment-service has not yet seen {@code user.created}; an id nobody created and
 * another tutor's student are still 404.
 */
class LateUserIntegrationTest extends IntegrationTest {

    @Autowired
    LateUsers lateUsers;

    @Test
    void aPaymentForAStudentWhoseCreationIsStillOnItsWayIsRecorded() throws Exception {
        long tutor = givenTutor();
        long student = newId();
        long waitsBefore = lateUsers.waits();

        CompletableFuture<ApiClient.ApiResponse> payment = CompletableFuture.supplyAsync(() -> tutor(tutor)
                .post("/api/v1/payments", Map.of("student_id", student, "lessons_paid", 4)));
        Thread.sleep(300);
        assertThat(payment).as("waiting for user.created").isNotDone();
        users().student(tutor);  // another student, so the late one is not simply the newest row
        // What the projection writes when user.created arrives: the link, then the user (one transaction there).
        jdbc.update("INSERT INTO access_link (kind, user_id, student_id) VALUES ('tutor', ?, ?)", tutor, student);
        jdbc.update("INSERT INTO access_user (id, role, full_name, time_zone) VALUES (?, 'student', ?, ?)", student,
                "Новый ученик", "Europe/Kaliningrad");

        ApiClient.ApiResponse response = payment.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(lateUsers.waits()).isGreaterThan(waitsBefore);
        assertThat(balance(tutor, student)).isEqualTo(4);
    }

    @Test
    void anIdNobodyCreatedIsStillNotFound() {
        long tutor = givenTutor();
        long nobody = newId();

        ApiClient.ApiResponse first = tutor(tutor).post("/api/v1/payments",
                Map.of("student_id", nobody, "lessons_paid", 1));
        assertThat(first.status()).isEqualTo(404);
        assertThat(first.isProblem()).isTrue();
        long waits = lateUsers.waits();
        assertThat(admin().get("/api/v1/balances/" + nobody).status()).isEqualTo(404);
        assertThat(lateUsers.waits()).as("an unknown id is remembered, not waited for again").isEqualTo(waits);
    }

    @Test
    void anotherTutorsStudentIsNotFoundWithoutWaiting() {
        long mine = givenTutor();
        long theirs = givenTutor();
        long theirStudent = givenStudent(theirs);
        long waits = lateUsers.waits();

        assertThat(tutor(mine).post("/api/v1/payments", Map.of("student_id", theirStudent, "lessons_paid", 1))
                .status()).isEqualTo(404);
        assertThat(tutor(mine).get("/api/v1/balances/" + theirStudent).status()).isEqualTo(404);
        assertThat(lateUsers.waits()).isEqualTo(waits);
    }
}
