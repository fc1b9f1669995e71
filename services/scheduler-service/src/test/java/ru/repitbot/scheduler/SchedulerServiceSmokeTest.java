package ru.repitbot.scheduler;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.OpenApiConformance;
import ru.repitbot.testsupport.ServiceContractChecks;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchedulerServiceSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "scheduler-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/scheduler");
    }

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }
}
