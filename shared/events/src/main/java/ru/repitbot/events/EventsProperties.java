package ru.repitbot.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the event backbone ({@code repitbot.events.*}; the seed's {@code MESSAGE_EXCHANGE},
 * {@code MESSAGE_QUEUE_PREFIX} map here).
 *
 * @param exchange the one durable topic exchange
 * @param queuePrefix a service's queue is {@code <prefix>.<service>}
 * @param queueType {@code quorum} on RabbitMQ; {@code classic} where the broker has no quorum queues
 * @param relayInterval how often the outbox relay looks for unsent events when not woken by a commit
 * @param relayBatch events per relay round
 * @param confirmTimeout how long to wait for the broker's publisher confirms
 * @param maxAttempts deliveries of one event to a handler before it goes to the DLQ
 * @param initialBackoff wait before the second attempt; doubled each time
 * @param publishedRetention how long sent outbox rows are kept
 */
@ConfigurationProperties("repitbot.events")
public record EventsProperties(
        String exchange,
        String queuePrefix,
        String queueType,
        Duration relayInterval,
        int relayBatch,
        Duration confirmTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration publishedRetention) {

    public EventsProperties {
        exchange = exchange == null ? "repitbot" : exchange;
        queuePrefix = queuePrefix == null ? "repitbot" : queuePrefix;
        queueType = queueType == null ? "quorum" : queueType;
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        relayBatch = relayBatch <= 0 ? 100 : relayBatch;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
        maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        publishedRetention = publishedRetention == null ? Duration.ofDays(7) : publishedRetention;
    }

    /**
     * A service's own fanout dead-letter exchange. Per service and fanout because Qpid (the embedded broker)
     * dead-letters through an "alternate exchange" and cannot route by a dead-letter key.
     */
    public String deadLetterExchangeFor(String service) {
        return queueFor(service) + ".dlx";
    }

    public String queueFor(String service) {
        return queuePrefix + "." + service;
    }

    public String deadLetterQueueFor(String service) {
        return queueFor(service) + ".dlq";
    }
}
