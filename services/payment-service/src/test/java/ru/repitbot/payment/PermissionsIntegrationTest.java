package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** docs/domain/users-and-access.md#who-may-see-what: another family's money is 404; writes by students and parents are 403. */
class PermissionsIntegrationTest extends IntegrationTest {

    private record Family(long tutor, long student, long parent, long paymentId) {
    }

    private Family family() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long paymentId = pay(tutor, student, 4).path("id").asLong();
        tutor(tutor).put("/api/v1/prices/" + student, Map.of("amount", 1000));
        return new Family(tutor, student, parent, paymentId);
    }

    private static List<String> readsOf(Family f) {
        return List.of("/api/v1/balances/" + f.student(), "/api/v1/balances/" + f.student() + "/statement",
                "/api/v1/payments/" + f.paymentId(), "/api/v1/payments?student_id=" + f.student(),
                "/api/v1/prices/" + f.student());
    }

    @Test
    void aFamilySeesItsOwnMoney() {
        Family f = family();
        for (ApiClient caller : List.of(as(f.student(), "student"), as(f.parent(), "parent"), tutor(f.tutor()),
                admin())) {
            for (String path : readsOf(f)) {
                ApiClient.ApiResponse r = caller.get(path);
                assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
            }
        }
        assertThat(as(f.parent(), "parent").get("/api/v1/payments").json().path("items")).hasSize(1);
    }

    @Test
    void anotherFamilysMoneyIsNotFound() {
        Family mine = family();
        Family theirs = family();
        for (ApiClient caller : List.of(as(mine.student(), "student"), as(mine.parent(), "parent"),
                tutor(mine.tutor()))) {
            for (String path : readsOf(theirs)) {
                ApiClient.ApiResponse r = caller.get(path);
                assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(404);
                assertThat(r.isProblem()).isTrue();
            }
        }
        assertThat(as(mine.parent(), "parent").get("/api/v1/payments").json().path("items").valueStream()
                .map(p -> p.path("student_id").asLong())).containsOnly(mine.student());
        assertThat(tutor(mine.tutor()).post("/api/v1/payments",
                Map.of("student_id", theirs.student(), "lessons_paid", 1)).status()).isEqualTo(404);
        assertThat(tutor(mine.tutor()).put("/api/v1/prices/" + theirs.student(), Map.of("amount", 1)).status())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/balances/" + newId()).status()).as("unknown student").isEqualTo(404);
    }

    @Test
    void aFilterNamingWhatTheCallerMayNotSeeIsNotFound() {
        Family mine = family();
        Family theirs = family();
        String payments = "/api/v1/payments";
        ApiClient tutor = tutor(mine.tutor());
        ApiClient student = as(mine.student(), "student");
        ApiClient parent = as(mine.parent(), "parent");

        assertNotFound(tutor.get(payments + "?tutor_id=" + theirs.tutor()));
        assertNotFound(tutor.get(payments + "?student_id=" + theirs.student()));
        assertNotFound(student.get(payments + "?student_id=" + theirs.student()));
        assertNotFound(student.get(payments + "?tutor_id=" + theirs.tutor()));
        assertNotFound(parent.get(payments + "?student_id=" + theirs.student()));
        assertNotFound(parent.get(payments + "?tutor_id=" + theirs.tutor()));
        assertNotFound(parent.get(payments + "?student_id=" + mine.student() + "&tutor_id=" + theirs.tutor()));
        assertNotFound(student.get("/api/v1/prices/" + mine.student() + "?tutor_id=" + theirs.tutor()));
        assertNotFound(parent.get("/api/v1/balances/" + mine.student() + "/statement?tutor_id=" + theirs.tutor()));

        for (ApiClient caller : List.of(tutor, student, parent)) {
            ApiClient.ApiResponse own = caller.get(payments + "?tutor_id=" + mine.tutor());
            assertThat(own.status()).as("%s", own).isEqualTo(200);
            assertThat(own.json().path("total").asLong()).isEqualTo(1);
        }
        assertThat(parent.get("/api/v1/prices/" + mine.student() + "?tutor_id=" + mine.tutor()).json()
                .path("prices")).hasSize(1);
        ApiClient.ApiResponse any = admin().get(payments + "?tutor_id=" + theirs.tutor());
        assertThat(any.status()).as("an admin may name anyone").isEqualTo(200);
        assertThat(any.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aTutorSeesOnlyTheirOwnLineOfAStudentTheyShare() {
        long first = givenTutor();
        long second = givenTutor();
        long student = givenStudent(first, second);
        pay(first, student, 3);
        long othersPayment = pay(second, student, 5).path("id").asLong();
        var lines = tutor(first).get("/api/v1/balances/" + student).json().path("balances");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("tutor_id").asLong()).isEqualTo(first);
        assertThat(lines.get(0).path("balance_lessons").asInt()).isEqualTo(3);
        assertThat(tutor(first).get("/api/v1/payments/" + othersPayment).status()).isEqualTo(404);
        assertThat(tutor(first).get("/api/v1/payments?student_id=" + student).json().path("total").asLong())
                .isEqualTo(1);
    }

    private static void assertNotFound(ApiClient.ApiResponse r) {
        assertThat(r.status()).as("%s", r).isEqualTo(404);
        assertThat(r.isProblem()).as("problem+json: %s", r).isTrue();
    }

    @Test
    void studentsAndParentsCannotWrite() {
        Family f = family();
        for (ApiClient caller : List.of(as(f.student(), "student"), as(f.parent(), "parent"))) {
            ApiClient.ApiResponse pay = caller.post("/api/v1/payments",
                    Map.of("student_id", f.student(), "lessons_paid", 100));
            assertThat(pay.status()).as("%s", pay).isEqualTo(403);
            assertThat(pay.isProblem()).isTrue();
            assertThat(caller.put("/api/v1/prices/" + f.student(), Map.of("amount", 1)).status()).isEqualTo(403);
            assertThat(caller.delete("/api/v1/prices/" + f.student()).status()).isEqualTo(403);
        }
        assertThat(balance(f.tutor(), f.student())).isEqualTo(4);
    }

    @Test
    void aStudentNoLongerLinkedToTheTutorIsHidden() {
        Family f = family();
        jdbc.update("DELETE FROM access_link WHERE kind = 'tutor' AND user_id = ? AND student_id = ?", f.tutor(),
                f.student());
        assertThat(tutor(f.tutor()).get("/api/v1/balances/" + f.student()).status()).isEqualTo(404);
        assertThat(tutor(f.tutor()).get("/api/v1/payments/" + f.paymentId()).status()).isEqualTo(404);
        // The family still sees the money paid to that tutor, and may still name them.
        assertThat(as(f.parent(), "parent").get("/api/v1/balances/" + f.student()).json().path("balances")
                .get(0).path("balance_lessons").asInt()).isEqualTo(4);
        assertThat(as(f.student(), "student").get("/api/v1/payments?tutor_id=" + f.tutor()).json().path("total")
                .asLong()).isEqualTo(1);
    }
}
