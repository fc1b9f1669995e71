package ru.repitbot.bot.telegram;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.TelegramException;
import com.pengrad.telegrambot.UpdatesListener;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.SendResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.repitbot.bot.config.BotProperties;
import ru.repitbot.bot.dialog.UpdateDispatcher;

/**
 * Connects the bot to Telegram by long polling ({@code getUpdates}) when a token is configured, and answers each
 * update through {@link UpdateDispatcher}. Without a token the bot stays idle and says so once in the log.
 */
public class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final BotProperties.Telegram settings;
    private final String gatewayUrl;
    private final UpdateDispatcher dispatcher;
    private final PollingState state;
    private volatile TelegramBot bot;
    private volatile boolean running;

    public TelegramPolling(BotProperties properties, UpdateDispatcher dispatcher, PollingState state) {
        this.settings = properties.telegram();
        this.gatewayUrl = properties.gatewayUrl().toString();
        this.dispatcher = dispatcher;
        this.state = state;
    }

    @Override
    public void start() {
        running = true;
        if (!settings.enabled()) {
            log.info("Telegram bot is idle: TELEGRAM_BOT_TOKEN is not set. To enable it, set TELEGRAM_BOT_TOKEN to the "
                    + "token from @BotFather (and TELEGRAM_API_URL for a self-hosted Bot API server; default {})",
                    settings.apiUrl());
            return;
        }
        TelegramBot client = new TelegramBot.Builder(settings.token())
                .apiUrl(settings.apiUrl())
                .updateListener(new BackoffUpdatesHandler(settings.retryDelay(), settings.maxRetryDelay(), state))
                .build();
        bot = client;
        client.setUpdatesListener(this::process, this::pollFailed,
                new GetUpdates().timeout((int) settings.pollTimeout().toSeconds()));
        log.info("Telegram bot is polling {} for updates; it talks to the API gateway at {}", settings.apiUrl(),
                gatewayUrl);
    }

    @Override
    public void stop() {
        TelegramBot client = bot;
        bot = null;
        if (client != null) {
            client.removeGetUpdatesListener();
            client.shutdown();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private int process(List<Update> updates) {
        for (Update update : updates) {
            try {
                dispatcher.replyTo(update).ifPresent(this::send);
            } catch (RuntimeException e) {
                // One broken update must not stop the others; it is confirmed and not retried.
                log.warn("Update {} could not be handled: {}", update.updateId(), redact(e.toString()));
            }
        }
        return UpdatesListener.CONFIRMED_UPDATES_ALL;
    }

    private void send(SendMessage message) {
        TelegramBot client = bot;
        if (client == null) {
            return;
        }
        SendResponse response = client.execute(message);
        if (!response.isOk()) {
            log.warn("sendMessage failed: error_code {} {}", response.errorCode(), response.description());
        }
    }

    private void pollFailed(TelegramException error) {
        String message = redact(error.getMessage() != null ? error.getMessage() : String.valueOf(error.getCause()));
        int inARow = state.failed(message);
        if (inARow == 1) {
            log.warn("Telegram polling failed, retrying with back-off: {}", message);
        } else {
            log.debug("Telegram polling failed {} times in a row: {}", inARow, message);
        }
    }

    /** The token is a password: never let it reach a log line or /health. */
    private String redact(String text) {
        return text == null ? null : text.replace(settings.token(), "<token>");
    }
}
