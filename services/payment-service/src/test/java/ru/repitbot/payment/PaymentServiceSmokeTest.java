package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

class PaymentServiceSmokeTest extends IntegrationTest {

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "payment-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/payments");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/balances/1");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/prices/1");
    }

    @Test
    void theApiIsDocumentedInItsWireSpelling() {
        JsonNode doc = ApiClient.local(port).get("/openapi.json").json();
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/v1/payments")).isTrue();
        assertThat(paths.has("/api/v1/payments/{id}")).isTrue();
        assertThat(paths.has("/api/v1/balances/{studentId}")).isTrue();
        assertThat(paths.has("/api/v1/balances/{studentId}/statement")).isTrue();
        assertThat(paths.has("/api/v1/prices/{studentId}")).isTrue();
        String create = paths.path("/api/v1/payments").path("post").toString();
        assertThat(create).contains("Idempotency-Key").doesNotContain("\"caller\"");
        String schemas = doc.path("components").path("schemas").toString();
        assertThat(schemas).contains("lessons_paid").contains("balance_after").doesNotContain("lessonsPaid");
    }
}
