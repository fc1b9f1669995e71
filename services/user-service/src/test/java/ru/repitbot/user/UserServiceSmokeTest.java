package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

class UserServiceSmokeTest extends IntegrationTest {

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "user-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/users");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/users/me");
    }

    @Test
    void theApiDocsDescribeTheEndpointsInTheApisSpelling() {
        JsonNode openapi = anonymous().get("/openapi.json").json();
        assertThat(openapi.path("paths").propertyNames()).contains("/api/v1/users", "/api/v1/users/{id}",
                "/api/v1/users/{id}/access-code", "/api/v1/users/{studentId}/parents/{parentId}")
                // service-token-only routes are not part of the public document
                .doesNotContain("/internal/v1/access-codes/verify");
        JsonNode schema = openapi.path("components").path("schemas").path("CreateUserRequest");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        JsonNode create = schema.path("properties");
        assertThat(create.propertyNames()).contains("full_name", "time_zone", "student_ids")
                .doesNotContain("fullName");
        assertThat(openapi.path("paths").path("/api/v1/users").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList())
                .as("the caller is taken from the token, not a parameter").doesNotContain("caller", "service");
    }
}
