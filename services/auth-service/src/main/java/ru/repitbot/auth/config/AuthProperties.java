package ru.repitbot.auth.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ru.repitbot.auth.domain.LockoutPolicy;

/**
 * auth-service settings ({@code repitbot.auth.*}).
 *
 * @param accessTokenMinutes lifetime of access and service tokens (seed {@code JWT_EXPIRE_MINUTES}, 30)
 * @param refreshTokenDays lifetime of a refresh token (seed {@code JWT_REFRESH_EXPIRE_DAYS}, 7)
 * @param userServiceUrl base URL of user-service ({@code USER_SERVICE_URL})
 * @param userServiceTimeout how long a call to user-service may take before login answers 503
 * @param privateKey the RS256 signing key as PKCS#8 PEM ({@code JWT_PRIVATE_KEY}); empty: generated and stored
 * @param throttle the wrong-code lock-out
 */
@ConfigurationProperties("repitbot.auth")
public record AuthProperties(Integer accessTokenMinutes, Integer refreshTokenDays, String userServiceUrl,
        Duration userServiceTimeout, String privateKey, Throttle throttle) {

    public AuthProperties {
        accessTokenMinutes = accessTokenMinutes == null ? 30 : accessTokenMinutes;
        refreshTokenDays = refreshTokenDays == null ? 7 : refreshTokenDays;
        if (accessTokenMinutes < 1 || refreshTokenDays < 1) {
            throw new IllegalArgumentException("token lifetimes must be positive");
        }
        userServiceUrl = userServiceUrl == null || userServiceUrl.isBlank() ? "http://127.0.0.1:8001"
                : userServiceUrl.strip().replaceAll("/+$", "");
        userServiceTimeout = userServiceTimeout == null ? Duration.ofSeconds(5) : userServiceTimeout;
        throttle = throttle == null ? new Throttle(null, null, null, null, null, null, null) : throttle;
    }

    public Duration accessTokenLifetime() {
        return Duration.ofMinutes(accessTokenMinutes);
    }

    public Duration refreshTokenLifetime() {
        return Duration.ofDays(refreshTokenDays);
    }

    /**
     * @param maxFailures wrong codes allowed per window (5)
     * @param window the counting window (1 min)
     * @param firstLockout the first lock-out (1 min), doubled each time
     * @param maxLockout the longest lock-out (24 h)
     * @param memory quiet time after which a subject starts afresh (24 h)
     * @param keyPrefix Redis key prefix
     * @param trustServiceCallers when a login request carries a valid service token (the bot), count wrong codes
     *     per Telegram id only: every user's login comes from the bot's address
     */
    public record Throttle(Integer maxFailures, Duration window, Duration firstLockout, Duration maxLockout,
            Duration memory, String keyPrefix, Boolean trustServiceCallers) {

        public Throttle {
            LockoutPolicy standard = LockoutPolicy.standard();
            maxFailures = maxFailures == null ? standard.maxFailures() : maxFailures;
            window = window == null ? standard.window() : window;
            firstLockout = firstLockout == null ? standard.firstLockout() : firstLockout;
            maxLockout = maxLockout == null ? standard.maxLockout() : maxLockout;
            memory = memory == null ? standard.memory() : memory;
            keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "repitbot:auth:login" : keyPrefix;
            trustServiceCallers = trustServiceCallers == null || trustServiceCallers;
        }

        public LockoutPolicy policy() {
            return new LockoutPolicy(maxFailures, window, firstLockout, maxLockout, memory);
        }
    }
}
