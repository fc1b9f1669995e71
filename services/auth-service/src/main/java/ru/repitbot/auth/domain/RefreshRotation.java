package ru.repitbot.auth.domain;

import java.time.Instant;

/**
 * What presenting a refresh token means (DECISIONS "Login": rotated on every use, a reused one revokes its family).
 * The order matters: a revoked family stays revoked; a used token is a replay even after it expired, so its family
 * is ended; only an unused, unexpired token of a live family is exchanged.
 */
public final class RefreshRotation {

    /** The answer to a presented refresh token. */
    public enum Verdict {
        /** Valid: mark it used and issue its successor. */
        ROTATE,
        /** Already used: a copy is in someone else's hands; revoke the whole family. */
        REUSED,
        /** The token or its family was revoked (logout, reuse, deleted user). */
        REVOKED,
        /** Past its lifetime. */
        EXPIRED
    }

    private RefreshRotation() {
    }

    public static Verdict judge(RefreshTokenFamily family, RefreshToken token, Instant now) {
        if (family.isRevoked() || token.isRevoked()) {
            return Verdict.REVOKED;
        }
        if (token.isUsed()) {
            return Verdict.REUSED;
        }
        if (token.isExpired(now)) {
            return Verdict.EXPIRED;
        }
        return Verdict.ROTATE;
    }
}
