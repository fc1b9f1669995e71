package ru.repitbot.bot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The bot's meters on {@code /metrics}: {@code bot_updates_handled_total{kind,route}}, {@code bot_update_handling_seconds},
 * {@code bot_updates_duplicate_total}, {@code bot_updates_retried_total} (handled again after a crash),
 * {@code bot_telegram_errors_total{method,code}}, {@code bot_telegram_throttled_total}
 * (429s), {@code bot_telegram_send_failed_total}, {@code bot_telegram_limit_wait_seconds{scope}} (time a call waited
 * for Telegram's limits: chat, group, global), {@code bot_dialogs_active}.
 */
public final class BotMetrics {

    private final MeterRegistry registry;
    private final Timer handling;

    public BotMetrics(MeterRegistry registry, Supplier<Number> activeDialogs) {
        this.registry = registry;
        this.handling = Timer.builder("bot.update.handling").description("Time to handle one update, sends included")
                .register(registry);
        Gauge.builder("bot.dialogs.active", () -> safe(activeDialogs))
                .description("Dialogs started and not finished (all replicas)").register(registry);
    }

    private static double safe(Supplier<Number> value) {
        try {
            return value.get().doubleValue();
        } catch (RuntimeException redisDown) {
            return Double.NaN;
        }
    }

    public void handled(String kind, String route, Duration took) {
        Counter.builder("bot.updates.handled").description("Updates handled").tag("kind", kind).tag("route", route)
                .register(registry).increment();
        handling.record(took);
    }

    public void duplicate() {
        Counter.builder("bot.updates.duplicate").description("Updates delivered again and dropped")
                .register(registry).increment();
    }

    public void retried() {
        Counter.builder("bot.updates.retried")
                .description("Updates handled again because the worker that had them stopped midway (a crash)")
                .register(registry).increment();
    }

    public void telegramError(String method, int code) {
        Counter.builder("bot.telegram.errors").description("Failed Bot API calls").tag("method", method)
                .tag("code", Integer.toString(code)).register(registry).increment();
        if (code == 429) {
            Counter.builder("bot.telegram.throttled").description("429 Too Many Requests from the Bot API")
                    .register(registry).increment();
        }
    }

    /** A Bot API call waited this long for a token of one of Telegram's limits (zero when one was there). */
    public void limitWait(String scope, Duration waited) {
        Timer.builder("bot.telegram.limit.wait").description("Time a Bot API call waited for Telegram's send limits")
                .tag("scope", scope).register(registry).record(waited);
    }

    public void sendFailed(String method) {
        Counter.builder("bot.telegram.send.failed").description("Messages given up after retrying")
                .tag("method", method).register(registry).increment();
    }
}
