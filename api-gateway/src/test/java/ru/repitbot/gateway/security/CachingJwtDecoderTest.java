package ru.repitbot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));
    private final List<String> checked = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** Accepts tokens named "good-*" until 30 minutes after the test's start, refuses everything else. */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        checked.add(token);
        Instant issued = Instant.parse("2026-11-29T10:00:00Z");
        Instant expires = issued.plus(Duration.ofMinutes(30));
        if (!token.startsWith("good-") || !now.get().isBefore(expires)) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("7")
                .issuedAt(issued).expiresAt(expires).build());
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(signatureCheck, 100, clock);

    @Test
    void checksAnAcceptedTokenOnceUntilItExpires() {
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("7");
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("7");
        assertThat(checked).containsExactly("good-1");

        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("good-1", "good-1");
    }

    @Test
    void neverRemembersARefusal() {
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenDifferingInAnyByteIsCheckedAgain() {
        decoder.decode("good-1").block();
        decoder.decode("good-1x").block();
        assertThat(checked).containsExactly("good-1", "good-1x");
        assertThat(decoder.size()).isEqualTo(2);
    }
}
