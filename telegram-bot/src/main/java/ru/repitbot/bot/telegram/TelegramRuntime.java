package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.repitbot.bot.config.BotProperties;

/**
 * Starts and stops the bot's moving parts. Without a token: nothing, and one log line saying how to enable it. With
 * one: lease renewal and the sweep of waiting chats, then either the webhook ({@code setWebhook} with the secret and
 * {@code allowed_updates} = message, callback_query; retried until Telegram accepts) or long polling.
 */
public final class TelegramRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramRuntime.class);

    private final BotProperties properties;
    private final TelegramApi api;
    private final TelegramPolling polling;
    private final ChatWorkers workers;
    private final Leases leases;
    private final WebhookSecret secret;
    private final PollingState state;
    private volatile ScheduledExecutorService timers;
    private volatile boolean running;

    public TelegramRuntime(BotProperties properties, TelegramApi api, TelegramPolling polling, ChatWorkers workers,
            Leases leases, WebhookSecret secret, PollingState state) {
        this.properties = properties;
        this.api = api;
        this.polling = polling;
        this.workers = workers;
        this.leases = leases;
        this.secret = secret;
        this.state = state;
    }

    @Override
    public void start() {
        running = true;
        BotProperties.Telegram telegram = properties.telegram();
        if (!telegram.enabled()) {
            log.info("Telegram bot is idle: TELEGRAM_BOT_TOKEN is not set. To enable it, set TELEGRAM_BOT_TOKEN to the "
                    + "token from @BotFather (and TELEGRAM_API_URL for a self-hosted Bot API server; default {})",
                    telegram.apiUrl());
            return;
        }
        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("bot-timers").factory());
        long renewEvery = Math.max(100, leases.lease().toMillis() / 3);
        timers.scheduleAtFixedRate(leases::renewAll, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        long sweepEvery = properties.bot().sweepInterval().toMillis();
        // The first sweep at once: updates queued before a restart are handled without waiting for new ones.
        timers.scheduleWithFixedDelay(workers::sweep, 0, sweepEvery, TimeUnit.MILLISECONDS);
        if (telegram.webhook()) {
            Thread.ofVirtual().name("telegram-set-webhook").start(this::registerWebhook);
            log.info("Telegram bot takes updates by webhook at {}; it talks to the API gateway at {}",
                    telegram.webhookUrl(), properties.gatewayUrl());
        } else {
            polling.start();
            log.info("Telegram bot polls {} for updates; it talks to the API gateway at {}", telegram.apiUrl(),
                    properties.gatewayUrl());
        }
    }

    private void registerWebhook() {
        Duration delay = properties.telegram().retryDelay();
        while (running) {
            try {
                api.call("setWebhook", Map.of("url", properties.telegram().webhookUrl(),
                        "secret_token", secret.value(),
                        "allowed_updates", TelegramSender.allowedUpdates()));
                state.polled();
                log.info("Telegram webhook registered");
                return;
            } catch (RuntimeException e) {
                if (state.failed(String.valueOf(e.getMessage())) == 1) {
                    log.warn("setWebhook failed, retrying with back-off: {}", e.getMessage());
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
                Duration max = properties.telegram().maxRetryDelay();
                delay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        polling.stop();
        // Workers first, while their leases are still renewed: an update in hand is finished (or left in the
        // processing list, if cut short) before its chat's lock can pass to another replica.
        workers.stop();
        ScheduledExecutorService scheduled = timers;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
