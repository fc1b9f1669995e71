package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ServiceContractChecks;

class LessonServiceSmokeTest extends IntegrationTest {

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "lesson-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/lessons");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/schedules/1");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/calendar/feeds");
    }

    @Test
    void theOpenApiDocumentShowsTheEndpointsInSnakeCase() {
        String docs = anonymous().get("/openapi.json").body();
        assertThat(docs).contains("/api/v1/lessons/{id}/cancel", "/api/v1/schedules/{studentId}/materialise",
                "/api/v1/calendar/{token}.ics", "\"student_id\"", "\"duration_minutes\"");
    }
}
