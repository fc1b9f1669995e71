package ru.repitbot.homework;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ServiceContractChecks;

class HomeworkServiceSmokeTest extends IntegrationTest {

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "homework-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/homework");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/homework/1");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/homework/1/attachments/1");
    }

    @Test
    void theApiDocsDescribeTheHomeworkEndpoints() {
        var docs = anonymous().get("/openapi.json").json().path("paths");
        org.assertj.core.api.Assertions.assertThat(docs.has("/api/v1/homework")).isTrue();
        org.assertj.core.api.Assertions.assertThat(docs.has("/api/v1/homework/{id}/submission")).isTrue();
        org.assertj.core.api.Assertions.assertThat(docs.has("/api/v1/homework/{id}/attachments")).isTrue();
    }
}
