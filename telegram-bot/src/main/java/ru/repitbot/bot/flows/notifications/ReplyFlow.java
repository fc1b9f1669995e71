package ru.repitbot.bot.flows.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.notifications.NotifyModels.SentMessage;
import ru.repitbot.bot.gateway.GatewayProblem;

/**
 * A Telegram reply to a message the bot's dialogs did not send — notification-service delivered it with the same bot
 * token (a tutor's message, a broadcast, a reminder) — is the person answering it
 * (docs/domain/notifications.md#q17-messages-are-stored): forwarded with {@code POST /api/v1/messages/replies
 * {reply_to_telegram_message_id, text?, file_ids?, file_kind?}}, and "✅ Отправлено". notification-service finds the
 * conversation by the chat and the message id; its 404 (a reminder, someone else's message) is said as "this message
 * cannot be answered". A dialog in progress stays as it was. Also: every logged-in person's chat is told to
 * notification-service ({@link ChatRegistration}).
 */
@Component
public class ReplyFlow implements Flow {

    private final ChatRegistration chats;

    public ReplyFlow(ChatRegistration chats) {
        this.chats = chats;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.whenForeignReply(Access.loggedIn(), this::forward);
        registry.beforeEveryTurn(chats::registerIfDue);
    }

    private Reply forward(Turn turn) {
        BotEvent event = turn.event();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reply_to_telegram_message_id", event.replyToMessageId());
        if (!turn.text().isEmpty()) {
            body.put("text", turn.text());
        }
        if (!event.photos().isEmpty()) {
            body.put("file_ids", List.of(event.photos().getFirst().fileId()));
            body.put("file_kind", "photo");
        } else if (event.document() != null) {
            body.put("file_ids", List.of(event.document().fileId()));
            body.put("file_kind", "document");
        }
        if (body.size() == 1) {
            return Reply.text(turn.t("msg.need_content"));
        }
        try {
            turn.gateway().post(SentMessage.class, "/api/v1/messages/replies", body);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.text(turn.t("msg.reply.not_answerable"));
            }
            throw problem;
        }
        return Reply.text(turn.t("msg.reply.sent"));
    }
}
