package ru.repitbot.payment.config;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.repitbot.payment.db.IdempotencyKeys;

/** Forgets expired Idempotency-Keys (an expired key is also ignored when reused, so this is only tidiness). */
@Component
public class IdempotencyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final IdempotencyKeys keys;
    private final PaymentSettings settings;
    private final Clock clock;

    public IdempotencyHousekeeping(IdempotencyKeys keys, PaymentSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    public void forgetExpiredKeys() {
        int forgotten = keys.forgetOlderThan(clock.instant(), settings.idempotencyTtl());
        if (forgotten > 0) {
            log.debug("Forgot {} expired Idempotency-Keys", forgotten);
        }
    }
}
