package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/** A wrong role is a 403 problem, whatever the caller sends. */
@Order(3)
@ExtendWith(StackExtension.class)
class RoleChecksIT {

    private final Scenario scenario;

    RoleChecksIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aStudentCallingTutorEndpointsGets403() {
        var student = scenario.world().studentA().api(scenario.stack());

        assertForbidden(student.post("/api/v1/users", Map.of("role", "student", "full_name", "Новый Ученик")));
        assertForbidden(student.get("/api/v1/users?role=student"));
        assertForbidden(student.post("/api/v1/users/" + scenario.world().studentA().id() + "/access-code", null));
    }

    @Test
    void aParentCannotCreateUsersAndATutorCannotCreateTutors() {
        assertForbidden(scenario.world().parentA().api(scenario.stack())
                .post("/api/v1/users", Map.of("role", "student", "full_name", "Ещё Ребёнок")));
        assertForbidden(scenario.world().tutorA().api(scenario.stack())
                .post("/api/v1/users", Map.of("role", "tutor", "full_name", "Самозванец")));
    }

    @Test
    void noTokenIs401() {
        ApiResponse r = scenario.anonymous().get("/api/v1/users/me");
        assertThat(r.status()).as("%s", r).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    private static void assertForbidden(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
    }
}
