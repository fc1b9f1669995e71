package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/** Someone else's student does not exist for you: 404, not 403, so ids cannot be probed. */
@Order(2)
@ExtendWith(StackExtension.class)
class OwnershipIT {

    private final Scenario scenario;

    OwnershipIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aParentAskingForAnotherFamilysStudentGets404() {
        Scenario.World w = scenario.world();
        var parent = w.parentA().api(scenario.stack());

        assertThat(parent.get("/api/v1/users/" + w.studentA().id()).status()).isEqualTo(200);
        assertNotFound(parent.get("/api/v1/users/" + w.studentB().id()));
        assertNotFound(parent.get("/api/v1/users/" + w.studentB().id() + "/tutors"));
    }

    @Test
    void aTutorAskingForAnotherTutorsStudentGets404() {
        Scenario.World w = scenario.world();
        var tutor = w.tutorA().api(scenario.stack());

        assertThat(tutor.get("/api/v1/users/" + w.studentA().id()).status()).isEqualTo(200);
        assertNotFound(tutor.get("/api/v1/users/" + w.studentB().id()));
        assertNotFound(tutor.get("/api/v1/users/" + w.studentB().id() + "/parents"));
        assertNotFound(tutor.patch("/api/v1/users/" + w.studentB().id(), java.util.Map.of("grade", 10)));
        // The other tutor's roster is not theirs to read either.
        assertThat(tutor.get("/api/v1/users/" + w.tutorB().id() + "/students").status()).isIn(403, 404);
    }

    @Test
    void aStudentSeesOnlyThemselves() {
        Scenario.World w = scenario.world();
        var student = w.studentA().api(scenario.stack());

        ApiResponse me = student.get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(w.studentA().id());
        assertNotFound(student.get("/api/v1/users/" + w.studentB().id()));
    }

    private static void assertNotFound(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
    }
}
