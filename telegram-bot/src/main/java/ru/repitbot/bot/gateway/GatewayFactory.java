package ru.repitbot.bot.gateway;

import java.time.Clock;
import ru.repitbot.bot.session.SessionStore;

/** Makes the {@link Gateway} of one person (by Telegram user id), for each event. */
public final class GatewayFactory {

    private final GatewayHttp http;
    private final AuthApi auth;
    private final SessionStore sessions;
    private final Clock clock;

    public GatewayFactory(GatewayHttp http, AuthApi auth, SessionStore sessions, Clock clock) {
        this.http = http;
        this.auth = auth;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Gateway forPerson(long telegramUserId) {
        return new Gateway(http, auth, sessions, telegramUserId, clock);
    }
}
