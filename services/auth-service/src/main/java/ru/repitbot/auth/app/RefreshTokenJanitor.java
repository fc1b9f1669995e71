package ru.repitbot.auth.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly removal of long-expired refresh tokens; idempotent, so every replica may run it. */
@Component
public class RefreshTokenJanitor {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenJanitor.class);

    private final Sessions sessions;

    public RefreshTokenJanitor(Sessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(initialDelayString = "${repitbot.auth.purge-initial-delay:PT5M}",
            fixedDelayString = "${repitbot.auth.purge-interval:PT1H}")
    public void purge() {
        try {
            int removed = sessions.purgeExpired();
            if (removed > 0) {
                log.info("Removed {} expired refresh tokens and empty families", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Refresh token purge failed; will retry: {}", e.toString());
        }
    }
}
