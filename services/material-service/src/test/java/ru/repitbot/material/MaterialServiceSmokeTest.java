package ru.repitbot.material;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.repitbot.testsupport.ServiceContractChecks;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaterialServiceSmokeTest {

    @LocalServerPort
    int port;

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        ServiceContractChecks.assertOperable(port, "material-service", "db", "rabbit");
    }

    @Test
    void apiNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/materials");
    }
}
