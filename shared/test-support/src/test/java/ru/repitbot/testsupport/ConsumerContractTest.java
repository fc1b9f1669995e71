package ru.repitbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The consumer side: a contract built from observed requests, written stably, and each request checked against it. */
class ConsumerContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GatewayRoutes ROUTES = GatewayRoutes.parse("""
            ## Gateway routes (public API)
            | path | owner |
            |---|---|
            | `/api/v1/auth/**`, `/.well-known/jwks.json` | auth-service (login is public) |
            | `/api/v1/lessons/**`, `/api/v1/schedules/**` | lesson-service |
            | `/internal/**` | never routed: service-to-service only |

            ## Tokens
            """);

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ConsumerContract.Observation seen(String method, String path, Set<String> query, String body,
            Integer status, String answer) {
        return new ConsumerContract.Observation(method, path, query, Set.of(), body == null ? null : json(body),
                status, answer == null ? null : json(answer));
    }

    private static ConsumerContract observed() {
        return ConsumerContract.builder("telegram-bot", ROUTES::owner)
                .observe(seen("POST", "/api/v1/lessons", Set.of(), """
                        {"student_id": 7, "topic": "Дроби", "skills": "счёт"}""", 201, """
                        {"id": 1, "topic": "Дроби", "end_at": null}"""))
                .observe(seen("POST", "/api/v1/lessons", Set.of(), """
                        {"student_id": 8, "topic": "Степени"}""", 409, """
                        {"detail": "занято", "conflicting_lesson_id": 3}"""))
                .observe(seen("GET", "/api/v1/lessons", Set.of("student_id", "page"), null, 200, """
                        {"items": [{"id": 1, "end_at": "2026-01-01T10:00:00+03:00"}], "total": 1}"""))
                .observe(seen("PUT", "/api/v1/schedules/42", Set.of(), """
                        {"slots": [{"weekday": "mon", "note": "x"}, {"weekday": "tue"}]}""", 200, null))
                .observe(seen("DELETE", "/api/v1/lessons/42/parents/77", Set.of(), null, null, null))
                .build();
    }

    @Test
    void theRouteTableOfContractsMdNamesTheOwners() {
        assertThat(ROUTES.owner("/api/v1/lessons/5/cancel")).contains("lesson-service");
        assertThat(ROUTES.owner("/api/v1/lessons")).contains("lesson-service");
        assertThat(ROUTES.owner("/.well-known/jwks.json")).contains("auth-service");
        assertThat(ROUTES.owner("/api/v1/lessonsx")).isEmpty();
        assertThat(ROUTES.owner("/internal/v1/x")).isEmpty();
    }

    @Test
    void pathsBecomeTemplatesWithTheirIdsAsVariables() {
        assertThat(ConsumerContract.template("/api/v1/lessons/42/cancel")).isEqualTo("/api/v1/lessons/{id}/cancel");
        assertThat(ConsumerContract.template("/api/v1/users/5/parents/6"))
                .isEqualTo("/api/v1/users/{id}/parents/{parent_id}");
        assertThat(ConsumerContract.template("/api/v1/users/me/children")).isEqualTo("/api/v1/users/me/children");
    }

    @Test
    void observationsBecomeInteractionsWithTypesAndFieldsSometimesLeftOut() {
        ConsumerContract contract = observed();

        ConsumerContract.Interaction create = contract.match("POST", "/api/v1/lessons").orElseThrow();
        assertThat(create.service()).isEqualTo("lesson-service");
        assertThat(create.request()).containsExactly(java.util.Map.entry("skills", "string|absent"),
                java.util.Map.entry("student_id", "integer"), java.util.Map.entry("topic", "string"));
        assertThat(create.responses().get("201")).containsEntry("end_at", "null").containsEntry("id", "integer");
        assertThat(create.responses().get("409")).containsEntry("conflicting_lesson_id", "integer");

        ConsumerContract.Interaction list = contract.match("GET", "/api/v1/lessons").orElseThrow();
        assertThat(list.query()).containsExactly("page", "student_id");
        assertThat(list.request()).isNull();
        assertThat(list.responses().get("200")).containsEntry("items", "array").containsEntry("items[]", "object")
                .containsEntry("items[].end_at", "string");

        ConsumerContract.Interaction schedule = contract.match("PUT", "/api/v1/schedules/9").orElseThrow();
        assertThat(schedule.path()).isEqualTo("/api/v1/schedules/{id}");
        assertThat(schedule.request()).containsEntry("slots[].note", "string|absent")
                .containsEntry("slots[].weekday", "string");
        assertThat(contract.match("DELETE", "/api/v1/lessons/1/parents/2").orElseThrow().responses()).isEmpty();
    }

    @Test
    void theFileIsStableAndReadsBackTheSame() {
        String text = observed().toJson();
        assertThat(ConsumerContract.parse(text).toJson()).isEqualTo(text);
        assertThat(text).contains("      \"query\": [\"page\", \"student_id\"],\n")
                .contains("\"skills\": \"string|absent\"");
        assertThat(text.indexOf("\"/api/v1/lessons\",\n      \"service\": \"lesson-service\",\n      \"query\""))
                .as("GET before POST").isLessThan(text.indexOf("\"request\""));
    }

    @Test
    void aRequestTheContractDoesNotCoverIsNamed() {
        ConsumerContract contract = observed();

        assertThat(contract.problemsWith(seen("GET", "/api/v1/lessons", Set.of("page"), null, 200, """
                {"items": [], "total": 0}"""))).isEmpty();
        assertThat(contract.problemsWith(seen("POST", "/api/v1/lessons/5/cancel", Set.of(), "{}", 200, "{}")))
                .containsExactly("POST /api/v1/lessons/5/cancel: no interaction POST /api/v1/lessons/{id}/cancel in "
                        + "the contract");
        assertThat(contract.problemsWith(seen("GET", "/api/v1/lessons", Set.of("order"), null, 200, """
                {"items": [{"id": "1", "topic": "x"}], "total": 0}""")))
                .containsExactly(
                        "GET /api/v1/lessons?order (GET /api/v1/lessons): query parameter 'order' is not in the "
                                + "contract",
                        "GET /api/v1/lessons?order (GET /api/v1/lessons): answer 200 field 'items[].id' is string; "
                                + "the contract says integer",
                        "GET /api/v1/lessons?order (GET /api/v1/lessons): answer 200 field 'items[].topic' (string) "
                                + "is not in the contract");
        assertThat(contract.problemsWith(seen("POST", "/api/v1/lessons", Set.of(), """
                {"topic": "x", "duration_minutes": 60}""", 400, "{}")))
                .containsExactly(
                        "POST /api/v1/lessons (POST /api/v1/lessons): body field 'duration_minutes' (integer) is not "
                                + "in the contract",
                        "POST /api/v1/lessons (POST /api/v1/lessons): body field 'student_id' was left out; the "
                                + "contract says it is always sent",
                        "POST /api/v1/lessons (POST /api/v1/lessons): answer 400 is not in the contract");
    }

    @Test
    void aPathNoRouteTakesIsRefused() {
        ConsumerContract.Builder builder = ConsumerContract.builder("telegram-bot", ROUTES::owner)
                .observe(seen("GET", "/api/v2/lessons", Set.of(), null, 200, "{}"));
        assertThatThrownBy(builder::build).hasMessageContaining("No gateway route")
                .hasMessageContaining("GET /api/v2/lessons");
        assertThat(ConsumerContract.builder("x", p -> Optional.of("s")).build().interactions()).isEmpty();
    }
}
