package ru.repitbot.notification.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.ConsumerContracts;

/**
 * The Telegram bot's calls to notification-service (tests/contracts/telegram-bot.json, built from the bot's tests)
 * still work against this service's live API document and handlers: an API change that would break the bot fails
 * this build. What to do then: tests/contracts/README.md. (One such test per service; if the module gains its
 * TelegramBotContractTest elsewhere, keep one of the two.)
 */
class TelegramBotMessagesContractTest extends MessagingIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theBotsCallsAreHonoured() {
        ConsumerContracts.assertHonoured(context, port, "notification-service");
    }
}
