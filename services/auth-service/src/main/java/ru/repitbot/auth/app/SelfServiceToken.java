package ru.repitbot.auth.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** auth-service's own service token ({@code sub} = {@code service:auth-service}), re-minted shortly before expiry. */
@Component
public class SelfServiceToken {

    public static final String CLIENT_ID = "auth-service";

    private final AccessTokens tokens;
    private final Clock clock;
    private final Duration margin;
    private final AtomicReference<AccessTokens.Issued> current = new AtomicReference<>();

    public SelfServiceToken(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        Duration half = tokens.lifetime().dividedBy(2);
        this.margin = half.compareTo(Duration.ofMinutes(2)) < 0 ? half : Duration.ofMinutes(2);
    }

    public String value() {
        AccessTokens.Issued token = current.get();
        if (token == null || !clock.instant().isBefore(token.expiresAt().minus(margin))) {
            token = tokens.forService(CLIENT_ID);
            current.set(token);
        }
        return token.value();
    }
}
