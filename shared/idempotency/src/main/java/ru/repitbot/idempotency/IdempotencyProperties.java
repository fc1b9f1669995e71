package ru.repitbot.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code repitbot.idempotency.*}.
 *
 * @param ttl how long an {@code Idempotency-Key} is remembered per caller (default 24 h)
 * @param cleanupInterval how often expired keys are deleted (default 1 h, the first time one interval after start)
 */
@ConfigurationProperties("repitbot.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("1h") Duration cleanupInterval) {
}
