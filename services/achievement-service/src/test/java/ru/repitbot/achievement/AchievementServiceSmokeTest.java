package ru.repitbot.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ConsumerContracts;
import ru.repitbot.testsupport.OpenApiConformance;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

class AchievementServiceSmokeTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "achievement-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/achievements/students/1");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/achievements/leaderboard");
    }

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }

    @Test
    void theBotsCallsAreHonoured() {
        ConsumerContracts.assertHonoured(context, port, "achievement-service");
    }

    @Test
    void theApiIsDocumentedInItsWireSpelling() {
        JsonNode doc = ApiClient.local(port).get("/openapi.json").json();
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/v1/achievements/students/{id}")).isTrue();
        assertThat(paths.has("/api/v1/achievements/students/{id}/achievements")).isTrue();
        assertThat(paths.has("/api/v1/achievements/students/{id}/points-history")).isTrue();
        assertThat(paths.has("/api/v1/achievements/leaderboard")).isTrue();
        assertThat(paths.has("/api/v1/achievements/leaderboard/settings")).isTrue();
        assertThat(paths.has("/api/v1/achievements/rebuild")).isTrue();
        String schemas = doc.path("components").path("schemas").toString();
        assertThat(schemas).contains("best_streak").contains("points_after").doesNotContain("bestStreak");
    }

    @Test
    void theCatalogueHasNineteenTypesWithRussianTitles() {
        JsonNode catalogue = admin().get("/api/v1/achievements/catalogue").json();
        assertThat(catalogue.size()).isEqualTo(19);
        assertThat(catalogue.get(0).path("achievement_type").asString()).isEqualTo("first_lesson");
        assertThat(catalogue.get(0).path("title").asString()).isEqualTo("Первый шаг");
    }
}
