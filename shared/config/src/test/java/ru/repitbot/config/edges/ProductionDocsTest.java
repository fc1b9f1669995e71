package ru.repitbot.config.edges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/** In production the API docs are off unless DOCS_ENABLED=true; the API itself is not affected. */
@SpringBootTest(classes = EdgeApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=edge-service", "repitbot.database.schema=edge",
            "ENVIRONMENT=production", "EDGE_SERVICE_SECRET_KEY=s3cret"})
class ProductionDocsTest {

    @LocalServerPort
    int port;

    @Test
    void swaggerRedocAndTheDocumentAreNotServed() {
        ApiClient anonymous = ApiClient.local(port);
        for (String path : new String[] {"/docs", "/swagger-ui/index.html", "/redoc", "/openapi.json",
            "/openapi.json/swagger-config"}) {
            ApiResponse response = anonymous.get(path);
            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(404);
            assertThat(response.isProblem()).as(path).isTrue();
        }
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/things").status()).isEqualTo(401);
    }
}
