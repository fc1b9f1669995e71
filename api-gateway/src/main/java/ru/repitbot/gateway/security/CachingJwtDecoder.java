package ru.repitbot.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that the delegate has already accepted, until they expire, so that a client sending the same
 * access token with every request costs one signature check, not one per request. A bearer token cannot be revoked
 * before its {@code exp} anyway (the services check it the same way), so this changes no answer: an entry lives
 * exactly until the token's {@code exp} on {@code clock} (the cache's ticker); anything unknown, expired or refused
 * goes to the delegate, and refusals are not remembered. The key is the whole token, so a token differing in any
 * byte (a forged signature too) is checked.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public CachingJwtDecoder(ReactiveJwtDecoder delegate, long maximumTokens, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = accepted.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> accepted.put(token, jwt));
    }

    /** Until {@code exp}; a token without one is not kept at all. */
    private Duration lifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How many accepted tokens are remembered now (for tests). */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
