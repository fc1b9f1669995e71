package ru.repitbot.notification.config;

import ru.repitbot.telegram.limits.TelegramSendLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.notification.app.delivery.DeliveryEngine;
import ru.repitbot.notification.app.delivery.DeliveryMetrics;
import ru.repitbot.notification.app.delivery.DeliveryOutcomes;
import ru.repitbot.notification.app.delivery.DeliverySettings;
import ru.repitbot.notification.app.delivery.TelegramClient;
import ru.repitbot.notification.app.delivery.TelegramSettings;
import ru.repitbot.notification.db.DeliveryAttempts;
import ru.repitbot.notification.db.DeliveryQueue;
import ru.repitbot.notification.db.UnreachableChats;

/**
 * The Telegram delivery engine and what it needs. The beans exist whatever the settings (the service is built
 * ahead of time, so conditions would be decided at build time); without a token the engine simply does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TelegramSettings.class, DeliverySettings.class})
public class DeliveryConfiguration {

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, UnreachableChats unreachable) {
        DeliveryMetrics metrics = new DeliveryMetrics(registry);
        metrics.unreachablePeople(unreachable::count);
        return metrics;
    }

    @Bean
    TelegramClient telegramClient(TelegramSettings telegram) {
        return new TelegramClient(telegram);
    }

    @Bean
    TelegramSendLimits sendLimits(LettuceConnectionFactory redis, TelegramSettings telegram,
            DeliverySettings settings, DeliveryMetrics metrics) {
        return new TelegramSendLimits(redis, settings.redisPrefix(), telegram.limits().toLimits(), metrics::limitWait);
    }

    @Bean
    DeliveryOutcomes deliveryOutcomes(PlatformTransactionManager transactions, DeliveryQueue queue,
            DeliveryAttempts attempts, UnreachableChats unreachable, Outbox outbox, DeliveryMetrics metrics,
            DeliverySettings settings) {
        return new DeliveryOutcomes(new TransactionTemplate(transactions), queue, attempts, unreachable, outbox,
                metrics, settings.lateReminder());
    }

    @Bean
    DeliveryEngine deliveryEngine(TelegramSettings telegram, DeliverySettings settings, DeliveryQueue queue,
            DeliveryOutcomes outcomes, TelegramClient client, TelegramSendLimits limits, DeliveryMetrics metrics,
            Clock clock) {
        return new DeliveryEngine(telegram, settings, queue, outcomes, client, limits, metrics, clock);
    }
}
