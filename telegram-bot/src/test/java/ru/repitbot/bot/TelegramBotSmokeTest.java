package ru.repitbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

/** Without a token the bot boots, stays idle, says how to enable it, and is healthy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "repitbot.telegram.token=")
@ExtendWith(OutputCaptureExtension.class)
class TelegramBotSmokeTest {

    @LocalServerPort
    int port;

    @Test
    void bootsHealthyWithRedisAndDocs() {
        ServiceContractChecks.assertOperable(port, "telegram-bot", "redis");
    }

    @Test
    void withoutATokenTelegramIsDisabledAndThereIsNoDatabase() {
        JsonNode components = ApiClient.local(port).get("/health").json().path("components");

        assertThat(components.path("telegram").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("telegram").path("details").path("mode").asString()).isEqualTo("disabled");
        assertThat(components.has("db")).as("components %s", components).isFalse();
        assertThat(components.has("rabbit")).as("components %s", components).isFalse();
    }

    @Test
    void saysOnceHowToEnableTheBot(CapturedOutput output) {
        assertThat(output.getAll()).containsOnlyOnce("Telegram bot is idle").contains("set TELEGRAM_BOT_TOKEN",
                "TELEGRAM_API_URL");
    }
}
