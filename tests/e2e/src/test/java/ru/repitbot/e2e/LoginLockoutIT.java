package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * Guessing codes gets a 429 with Retry-After after a few tries. Last: it locks out this machine's address (in
 * this run's own Redis keys) for a minute.
 */
@Order(99)
@ExtendWith(StackExtension.class)
class LoginLockoutIT {

    private final Scenario scenario;

    LoginLockoutIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void repeatedWrongCodesGet429WithRetryAfter() {
        long telegramId = scenario.newTelegramId();
        List<Integer> statuses = new ArrayList<>();
        ApiResponse last = null;
        for (int attempt = 1; attempt <= 12; attempt++) {
            last = scenario.anonymous().post("/api/v1/auth/login",
                    Scenario.loginBody(String.format("ZZ%06d", attempt), telegramId));
            statuses.add(last.status());
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(statuses.getFirst()).as("a wrong code is refused, not throttled, at first: %s", statuses)
                .isIn(401, 404);
        assertThat(last.status()).as("statuses: %s", statuses).isEqualTo(429);
        assertThat(statuses.size()).as("a few wrong codes are tolerated: %s", statuses).isGreaterThan(2);
        assertThat(last.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
        assertThat(last.isProblem()).as("%s", last).isTrue();

        // While locked out even the right code is refused for this Telegram id.
        ApiResponse right = scenario.anonymous().post("/api/v1/auth/login",
                Scenario.loginBody(scenario.stack().adminCode(), telegramId));
        assertThat(right.status()).as("%s", right).isEqualTo(429);
    }
}
