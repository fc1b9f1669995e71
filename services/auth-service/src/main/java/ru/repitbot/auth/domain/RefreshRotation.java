package ru.repitbot.auth.domain;

import java.time.Instant;

/**
 * What presenting a refresh token means (docs/domain/users-and-access.md#tokens: rotated on every use, a reused one revokes its family).
 * The order matters: a revoked family stays revoked; a used token is a replay even after it expired, so its family
 * is ended; only an unused, unexpired token of a live family is exchanged, and only while the user is still bound
 * to the Telegram id the login was made with (a reset access code ends the logins of the lost device).
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
        EXPIRED,
        /**
         * Otherwise valid, but the user is no longer bound to the login's Telegram id (the access code was reset):
         * revoke the whole family.
         */
        UNBOUND
    }

    private RefreshRotation() {
    }

    /**
     * The full judgement, once user-service has said which Telegram id the user is bound to now.
     *
     * @param currentTelegramId the user's current Telegram id, {@code null} when bound to none
     */
    public static Verdict judge(RefreshTokenFamily family, RefreshToken token, Instant now, Long currentTelegramId) {
        Verdict verdict = judge(family, token, now);
        if (verdict == Verdict.ROTATE && !family.isStillBoundTo(currentTelegramId)) {
            return Verdict.UNBOUND;
        }
        return verdict;
    }

    /** The judgement from the stored token and family alone (never {@code UNBOUND}). */
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
