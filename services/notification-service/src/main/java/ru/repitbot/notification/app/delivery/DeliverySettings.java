package ru.repitbot.notification.app.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery engine's own settings ({@code repitbot.delivery.*}).
 *
 * @param pollInterval how often the queue is looked at when the last look found less than a batch
 * @param batchSize rows taken in one claim
 * @param maxInFlight rows one replica holds at most (taken, not yet finished)
 * @param lease how long a replica holds a row it took; renewed while it waits for the limits
 * @param redisPrefix the prefix of the limits' Redis keys: telegram-bot's {@code repitbot.bot.redis-prefix}, so the
 *        buckets are the bot's ({@code <prefix>:rl:global}, {@code :rl:chat:<id>}, {@code :rl:group:<id>})
 * @param replicaName this replica's name in leases and logs; empty = host name and process id
 * @param maxAttempts counted attempts before a message fails (docs/domain/notifications.md#sending-through-telegram)
 * @param firstBackOff the wait after the first failed attempt, doubling
 * @param maxBackOff the longest wait between attempts
 * @param lateReminder a reminder handed to Telegram later than this after it was due counts as late
 * @param gaugeRefresh how often the queue's depth and oldest due message are measured
 */
@ConfigurationProperties("repitbot.delivery")
public record DeliverySettings(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("500") int maxInFlight, @DefaultValue("2m") Duration lease,
        @DefaultValue("repitbot:bot") String redisPrefix, String replicaName, @DefaultValue("6") int maxAttempts,
        @DefaultValue("2s") Duration firstBackOff, @DefaultValue("10m") Duration maxBackOff,
        @DefaultValue("2m") Duration lateReminder, @DefaultValue("5s") Duration gaugeRefresh) {
}
