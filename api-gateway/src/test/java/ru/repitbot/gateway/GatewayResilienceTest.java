package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.gateway.support.FakeServices;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.testsupport.ApiClient;

/** scheduler-service is down in this context; analytics-service is slow on {@code .../slow}. */
class GatewayResilienceTest extends GatewayIntegrationTest {

    @Test
    void aServiceThatIsDownIsABadGatewayThenAnOpenCircuit() {
        ApiClient.ApiResponse first = user("admin").get("/api/v1/scheduler/jobs");
        assertProblem(first, 502, "bad-gateway");
        assertThat(first.json().path("detail").asString()).contains(FakeServices.DOWN_SERVICE);

        List<Integer> statuses = new ArrayList<>();
        ApiClient.ApiResponse last = first;
        for (int i = 0; i < 5 && last.status() != 503; i++) {
            last = user("admin").get("/api/v1/scheduler/jobs");
            statuses.add(last.status());
        }
        assertThat(statuses).as("after repeated failures the breaker opens").contains(503);
        assertProblem(last, 503, "service-unavailable");
        assertThat(last.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void aServiceSlowerThanTheResponseTimeoutIsAGatewayTimeout() {
        ApiClient.ApiResponse response = user("tutor").get("/api/v1/reports/slow");

        assertProblem(response, 504, "gateway-timeout");
        assertThat(response.json().path("detail").asString()).contains("analytics-service");
    }
}
