package ru.repitbot.bot.session;

import java.time.Instant;
import ru.repitbot.models.Role;

/**
 * A person logged in through the bot: who they are for RepitBot and their tokens. The tokens are credentials: never
 * shown, never logged ({@link #toString} leaves them out).
 */
public record Login(long userId, Role role, String fullName, String accessToken, String refreshToken,
        Instant accessExpiresAt, Instant refreshExpiresAt) {

    public Login withTokens(String access, String refresh, Instant accessExpires, Instant refreshExpires) {
        return new Login(userId, role, fullName, access, refresh, accessExpires, refreshExpires);
    }

    @Override
    public String toString() {
        return "Login[userId=" + userId + ", role=" + role + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
