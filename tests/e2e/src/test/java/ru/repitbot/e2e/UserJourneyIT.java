package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/** The first story of every installation, through the gateway: admin -> tutor -> student and parent -> parent. */
@Order(1)
@ExtendWith(StackExtension.class)
class UserJourneyIT {

    private final Scenario scenario;

    UserJourneyIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void adminCreatesTutorWhoAddsStudentAndParentAndTheParentReadsTheChild() {
        Scenario.Member admin = scenario.admin();

        ApiResponse tutorCreated = admin.api(scenario.stack()).post("/api/v1/users",
                Map.of("role", "tutor", "full_name", "Ирина Сергеевна"));
        assertThat(tutorCreated.status()).as("%s", tutorCreated).isEqualTo(201);
        String tutorCode = tutorCreated.json().get("access_code").asString();

        ApiResponse tutorLogin = scenario.anonymous().post("/api/v1/auth/login",
                Scenario.loginBody(tutorCode, scenario.newTelegramId()));
        assertThat(tutorLogin.status()).as("%s", tutorLogin).isEqualTo(200);
        assertThat(tutorLogin.json().get("user_role").asString()).isEqualTo("tutor");
        assertThat(tutorLogin.json().get("refresh_token").asString()).isNotBlank();
        ApiClient tutor = scenario.anonymous().withToken(tutorLogin.json().get("access_token").asString());

        ApiResponse student = tutor.post("/api/v1/users",
                Map.of("role", "student", "full_name", "Маша Иванова", "grade", 8));
        assertThat(student.status()).as("%s", student).isEqualTo(201);
        long studentId = student.json().get("id").asLong();

        ApiResponse parent = tutor.post("/api/v1/users",
                Map.of("role", "parent", "full_name", "Ольга Иванова", "student_ids", List.of(studentId)));
        assertThat(parent.status()).as("%s", parent).isEqualTo(201);
        String parentCode = parent.json().get("access_code").asString();

        ApiResponse roster = tutor.get("/api/v1/users/" + tutorLogin.json().get("user_id").asLong() + "/students");
        assertThat(roster.status()).as("%s", roster).isEqualTo(200);
        assertThat(roster.json().get("items").findValuesAsString("full_name")).contains("Маша Иванова");

        ApiResponse parentLogin = scenario.anonymous().post("/api/v1/auth/login",
                Scenario.loginBody(parentCode, scenario.newTelegramId()));
        assertThat(parentLogin.status()).as("%s", parentLogin).isEqualTo(200);
        assertThat(parentLogin.json().get("user_role").asString()).isEqualTo("parent");
        ApiClient parentApi = scenario.anonymous().withToken(parentLogin.json().get("access_token").asString());

        ApiResponse children = parentApi.get("/api/v1/users/me/children");
        assertThat(children.status()).as("%s", children).isEqualTo(200);
        assertThat(children.json().findValuesAsString("full_name")).containsExactly("Маша Иванова");

        ApiResponse child = parentApi.get("/api/v1/users/" + studentId);
        assertThat(child.status()).as("%s", child).isEqualTo(200);
        JsonNode json = child.json();
        assertThat(json.get("full_name").asString()).isEqualTo("Маша Иванова");
        assertThat(json.get("role").asString()).isEqualTo("student");
        assertThat(json.get("grade").asInt()).isEqualTo(8);
        assertThat(json.has("access_code")).as("a code is shown only when created").isFalse();
    }

    @Test
    void theLaunchersDemoUsersExistAndTheirCodesAreStillFree() {
        var demo = scenario.stack().demo();
        assertThat(demo.getProperty("DEMO_TUTOR_CODE")).matches("[A-Z0-9]{6,10}");
        ApiClient admin = scenario.admin().api(scenario.stack());
        for (String who : List.of("TUTOR", "STUDENT", "PARENT")) {
            ApiResponse user = admin.get("/api/v1/users/" + demo.getProperty("DEMO_" + who + "_ID"));
            assertThat(user.status()).as("%s: %s", who, user).isEqualTo(200);
            assertThat(user.json().get("role").asString()).isEqualTo(who.toLowerCase(java.util.Locale.ROOT));
            JsonNode telegramId = user.json().get("telegram_id");
            assertThat(telegramId == null || telegramId.isNull()).as("%s is bound to nobody yet: %s", who, user)
                    .isTrue();
        }
    }
}
