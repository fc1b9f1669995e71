package ru.repitbot.bot.telegram;

import ru.repitbot.telegram.limits.TelegramSendLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Outgoing;
import ru.repitbot.bot.dialog.Screen;
import tools.jackson.databind.JsonNode;

/**
 * Every message the bot sends goes through here. It keeps Telegram's limits ({@link TelegramSendLimits}, across replicas),
 * waits out a 429's {@code retry_after} and tries again, retries 5xx and network failures with back-off — a reply is
 * not dropped: it is retried for {@code sendDeadline} and only then given up, with an ERROR line. A 403 (the person
 * blocked the bot) marks the chat unreachable ({@link Recipients}) and stops.
 */
public final class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramApi api;
    private final TelegramSendLimits limits;
    private final Recipients recipients;
    private final BotMetrics metrics;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration deadline;
    private final Clock clock;

    public TelegramSender(TelegramApi api, TelegramSendLimits limits, Recipients recipients, BotMetrics metrics,
            Duration firstRetry, Duration maxRetry, Duration deadline, Clock clock) {
        this.api = api;
        this.limits = limits;
        this.recipients = recipients;
        this.metrics = metrics;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** Sends a new message; its id, or empty when it could not be delivered. */
    public Optional<Integer> send(long chatId, boolean group, Outgoing message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        String method;
        switch (message) {
            case Screen screen -> {
                method = "sendMessage";
                body.put("text", screen.text());
                body.put("parse_mode", "HTML");
                body.put("link_preview_options", Map.of("is_disabled", true));
            }
            case Outgoing.Photo photo -> {
                method = "sendPhoto";
                body.put("photo", photo.fileId());
                putCaption(body, photo.caption());
            }
            case Outgoing.Document document -> {
                method = "sendDocument";
                body.put("document", document.fileId());
                putCaption(body, document.caption());
            }
        }
        Object markup = markup(message.keyboard());
        if (markup != null) {
            body.put("reply_markup", markup);
        }
        return execute(method, chatId, group, body, true).map(result -> result.path("message_id").asInt());
    }

    /**
     * Replaces a message's text and inline keyboard. False when it cannot be edited (too old, deleted): the caller
     * sends a new one instead. "Not modified" counts as done.
     */
    public boolean edit(long chatId, boolean group, int messageId, Screen screen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("message_id", messageId);
        body.put("text", screen.text());
        body.put("parse_mode", "HTML");
        body.put("link_preview_options", Map.of("is_disabled", true));
        Object markup = markup(screen.keyboard());
        if (markup != null) {
            body.put("reply_markup", markup);
        }
        try {
            return execute("editMessageText", chatId, group, body, false).isPresent();
        } catch (EditRefused refused) {
            return false;
        }
    }

    /**
     * Answers a button press (stops its spinner), with a toast or an alert. Not a message: Telegram's message limits
     * (30 a second, 1 a second per chat) do not count it, and neither does the bot — a press is answered at once.
     */
    public void answerCallback(String callbackId, String text, boolean alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callback_query_id", callbackId);
        if (text != null && !text.isBlank()) {
            // Telegram shows at most 200 characters; longer is refused.
            body.put("text", text.length() > 200 ? text.substring(0, 199) + "…" : text);
            body.put("show_alert", alert);
        }
        execute("answerCallbackQuery", 0, false, body, false);
    }

    private static void putCaption(Map<String, Object> body, String caption) {
        if (caption != null) {
            body.put("caption", caption);
            body.put("parse_mode", "HTML");
        }
    }

    private static Object markup(Keyboard keyboard) {
        return switch (keyboard) {
            case Keyboard.None none -> null;
            case Keyboard.Remove remove -> Map.of("remove_keyboard", true);
            case Keyboard.Reply reply -> Map.of(
                    "keyboard", reply.rows().stream().map(row -> row.stream().map(k -> Map.of("text", k)).toList())
                            .toList(),
                    "resize_keyboard", true, "is_persistent", true);
            case Keyboard.Inline inline -> Map.of("inline_keyboard",
                    inline.rows().stream().map(row -> row.stream().map(TelegramSender::button).toList()).toList());
        };
    }

    private static Map<String, String> button(Button button) {
        return button.url() != null ? Map.of("text", button.text(), "url", button.url())
                : Map.of("text", button.text(), "callback_data", button.data());
    }

    /** An edit Telegram refuses for good (message gone or too old): the delivery sends a new message. */
    private static final class EditRefused extends RuntimeException {
        EditRefused(TelegramApiException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * One call with the limits and the retries. {@code chatId} 0 = not a message to a chat (callback answers): no
     * limit applies.
     * Empty when it finally failed or the recipient is gone.
     */
    private Optional<JsonNode> execute(String method, long chatId, boolean group, Map<String, Object> body,
            boolean isNewMessage) {
        if (chatId != 0 && recipients.unreachable(chatId)) {
            log.debug("Not sending {} to chat {}: it blocked the bot", method, chatId);
            return Optional.empty();
        }
        Instant giveUpAt = clock.instant().plus(deadline);
        Duration backoff = firstRetry;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                if (chatId != 0) {
                    limits.acquire(chatId, group);
                }
                return Optional.of(api.call(method, body));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("{} to chat {} abandoned: the bot is shutting down", method, chatId);
                metrics.sendFailed(method);
                return Optional.empty();
            } catch (TelegramApiException e) {
                metrics.telegramError(method, e.errorCode());
                if (e.notModified()) {
                    return Optional.of(emptyResult());
                }
                if (e.recipientGone() && chatId != 0) {
                    log.info("Chat {} blocked the bot or is gone ({}); marked unreachable", chatId, e.description());
                    recipients.markUnreachable(chatId, e.description());
                    return Optional.empty();
                }
                if (!e.transientFailure()) {
                    if ("editMessageText".equals(method)) {
                        throw new EditRefused(e);
                    }
                    if ("answerCallbackQuery".equals(method)) {
                        // "query is too old": a press from before a restart; the person just sees the spinner end.
                        log.info("A button press could not be answered any more: {}", e.description());
                        return Optional.empty();
                    }
                    // A request Telegram will never accept (a bug: bad markup, too long a text); retrying cannot help.
                    log.error("{} to chat {} refused by Telegram: {} {}", method, chatId, e.errorCode(),
                            e.description());
                    metrics.sendFailed(method);
                    return Optional.empty();
                }
                Duration wait = e.tooManyRequests() && e.retryAfter() != null ? e.retryAfter() : backoff;
                if (!e.tooManyRequests()) {
                    backoff = backoff.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : backoff.multipliedBy(2);
                }
                if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                    log.error("{} to chat {} given up after {} attempts over {}: {} (the reply is lost)", method,
                            chatId, attempt, deadline, e.getMessage());
                    metrics.sendFailed(method);
                    return Optional.empty();
                }
                if (attempt == 1 || e.tooManyRequests()) {
                    log.warn("{} to chat {} failed ({} {}); retrying in {}", method, chatId, e.errorCode(),
                            e.description(), wait);
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    metrics.sendFailed(method);
                    return Optional.empty();
                }
            }
        }
    }

    private static JsonNode emptyResult() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    /** What the bot asks Telegram for (polling and webhook alike): messages and button presses. */
    static List<String> allowedUpdates() {
        return List.of("message", "callback_query");
    }
}
