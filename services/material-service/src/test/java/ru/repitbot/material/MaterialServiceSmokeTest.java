package ru.repitbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ConsumerContracts;
import ru.repitbot.testsupport.OpenApiConformance;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

class MaterialServiceSmokeTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "material-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/materials");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/materials/1");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/materials/1/files/1");
    }

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }

    @Test
    void theBotsCallsAreHonoured() {
        ConsumerContracts.assertHonoured(context, port, "material-service");
    }

    @Test
    void theApiIsDocumentedInItsWireSpelling() {
        JsonNode doc = ApiClient.local(port).get("/openapi.json").json();
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/v1/materials")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}/files")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}/files/{fileId}")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}/files/{fileId}/telegram-file-id")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}/attachments")).isTrue();
        assertThat(paths.has("/api/v1/materials/{id}/attachments/{attachmentId}")).isTrue();
        String schemas = doc.path("components").path("schemas").toString();
        assertThat(schemas).contains("telegram_file_id").contains("download_url").doesNotContain("telegramFileId");
    }
}
