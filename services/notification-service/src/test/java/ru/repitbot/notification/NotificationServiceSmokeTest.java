package ru.repitbot.notification;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.OpenApiConformance;
import ru.repitbot.testsupport.ServiceContractChecks;

class NotificationServiceSmokeTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "notification-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/notifications/preferences");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/notifications/history");
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/notifications/unreachable");
    }

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }
}
