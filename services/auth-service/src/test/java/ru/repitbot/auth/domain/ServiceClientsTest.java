package ru.repitbot.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceClientsTest {

    private final Map<String, String> env = Map.of("TELEGRAM_BOT_SECRET_KEY", "bot-secret",
            "SCHEDULER_SERVICE_SECRET_KEY", "scheduler-secret", "LESSON_SERVICE_SECRET_KEY", "  ");
    private final ServiceClients clients = ServiceClients.configure(
            client -> env.get(ServiceClients.secretVariable(client)));

    @Test
    void secretVariablesFollowTheSeedNames() {
        assertThat(ServiceClients.secretVariable("telegram-bot")).isEqualTo("TELEGRAM_BOT_SECRET_KEY");
        assertThat(ServiceClients.secretVariable("scheduler-service")).isEqualTo("SCHEDULER_SERVICE_SECRET_KEY");
    }

    @Test
    void aClientWithItsSecretIsAuthenticated() {
        assertThat(clients.authenticate("telegram-bot", "bot-secret")).contains("telegram-bot");
        assertThat(clients.authenticate("scheduler-service", "scheduler-secret")).contains("scheduler-service");
    }

    @Test
    void aWrongSecretOrAnotherClientsSecretIsRefused() {
        assertThat(clients.authenticate("telegram-bot", "bot-secreT")).isEmpty();
        assertThat(clients.authenticate("telegram-bot", "scheduler-secret")).isEmpty();
        assertThat(clients.authenticate("telegram-bot", "")).isEmpty();
        assertThat(clients.authenticate("telegram-bot", null)).isEmpty();
    }

    @Test
    void clientsWithoutASecretAndUnknownClientsGetNothing() {
        assertThat(clients.authenticate("lesson-service", "")).isEmpty();
        assertThat(clients.authenticate("lesson-service", "  ")).isEmpty();
        assertThat(clients.authenticate("user-service", null)).isEmpty();
        assertThat(clients.authenticate("stranger", "bot-secret")).isEmpty();
        assertThat(clients.authenticate(null, "bot-secret")).isEmpty();
        assertThat(clients.configured()).containsExactlyInAnyOrder("telegram-bot", "scheduler-service");
    }
}
