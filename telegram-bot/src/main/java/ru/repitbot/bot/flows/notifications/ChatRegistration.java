package ru.repitbot.bot.flows.notifications;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.config.logging.LogSafe;

/**
 * Tells notification-service which Telegram chat is the logged-in person's ({@code PUT /api/v1/notifications/chat
 * {telegram_chat_id}}): at every login, and when a person writes to the bot (at most once per {@link #EVERY} and
 * chat — an unreachable person who writes again is reachable again within that time). A failure is logged and tried
 * again at the person's next message; it never stands in the way of what they asked for.
 */
@Component
public class ChatRegistration {

    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ChatRegistration.class);

    /** After a login: always. */
    public void register(Turn turn) {
        turn.sessions().forgetChatRegistration(turn.user().userId(), turn.chatId());
        registerIfDue(turn);
    }

    /** Before any event of a logged-in person: when not told within {@link #EVERY}. */
    public void registerIfDue(Turn turn) {
        long userId = turn.user().userId();
        if (turn.event().isGroup() || !turn.sessions().claimChatRegistration(userId, turn.chatId(), EVERY)) {
            return;
        }
        try {
            turn.gateway().put("/api/v1/notifications/chat", Map.of("telegram_chat_id", turn.chatId()));
        } catch (GatewayException e) {
            turn.sessions().forgetChatRegistration(userId, turn.chatId());
            log.info("Could not tell notification-service the chat of user {}: {}", userId,
                    LogSafe.value(e.getMessage()));
        }
    }
}
