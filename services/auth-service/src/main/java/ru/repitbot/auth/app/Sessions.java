package ru.repitbot.auth.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.auth.client.UserServiceClient;
import ru.repitbot.auth.config.AuthProperties;
import ru.repitbot.auth.db.RefreshFamilyRepository;
import ru.repitbot.auth.db.RefreshTokenRepository;
import ru.repitbot.auth.domain.OpaqueTokens;
import ru.repitbot.auth.domain.RefreshRotation;
import ru.repitbot.auth.domain.RefreshToken;
import ru.repitbot.auth.domain.RefreshTokenFamily;
import ru.repitbot.auth.domain.RefreshTokenFamily.RevokeReason;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.UnauthorizedException;

/**
 * A login's tokens over time: the first pair at login, a new pair for each refresh (rotation in the same family),
 * the end of the family at logout, on reuse of a used refresh token, when the user no longer exists, or when the
 * user is no longer bound to the Telegram id the login was made with (the access code was reset).
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    static final String CODE_RESET = "the access code was reset; log in again";

    private final RefreshFamilyRepository families;
    private final RefreshTokenRepository tokens;
    private final AccessTokens accessTokens;
    private final OpaqueTokens opaque;
    private final UserServiceClient users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration refreshLifetime;

    public Sessions(RefreshFamilyRepository families, RefreshTokenRepository tokens, AccessTokens accessTokens,
            OpaqueTokens opaque, UserServiceClient users, PlatformTransactionManager transactionManager, Clock clock,
            AuthProperties properties) {
        this.families = families;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.opaque = opaque;
        this.users = users;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.refreshLifetime = properties.refreshTokenLifetime();
    }

    /** Everything a client gets at login or refresh. */
    public record Tokens(AccessTokens.Issued access, String refreshToken, long refreshExpiresInSeconds, long userId,
            String role, String fullName) {
    }

    /** A new login with {@code telegramId}: a new family and its first refresh token. */
    public Tokens start(long userId, long telegramId, Role role, String fullName) {
        Instant now = clock.instant();
        String refresh = opaque.newToken();
        tx.executeWithoutResult(status -> {
            RefreshTokenFamily family = families.save(RefreshTokenFamily.start(userId, telegramId, now));
            tokens.save(family.firstToken(OpaqueTokens.hash(refresh), role.value(), now, refreshLifetime));
        });
        return new Tokens(accessTokens.forUser(userId, role.value()), refresh, refreshLifetime.toSeconds(), userId,
                role.value(), fullName);
    }

    /**
     * Exchanges a refresh token for a new pair.
     *
     * @throws UnauthorizedException when the token is unknown, expired, revoked or reused (reuse also ends the
     *     family), the user no longer exists, or the user is no longer bound to the login's Telegram id (the
     *     family is ended too)
     * @throws DependencyUnavailableException when user-service cannot say whether the user exists; the presented
     *     token is left untouched so the client can retry
     */
    public Tokens refresh(String presented) {
        String hash = OpaqueTokens.hash(presented);
        RefreshToken token = tokens.findByTokenHash(hash)
                .orElseThrow(() -> new UnauthorizedException("refresh token is not valid"));
        RefreshTokenFamily family = families.findById(token.familyId())
                .orElseThrow(() -> new UnauthorizedException("refresh token is not valid"));
        RefreshRotation.Verdict early = RefreshRotation.judge(family, token, clock.instant());
        if (early == RefreshRotation.Verdict.REVOKED && family.isRevokedFor(RevokeReason.UNBOUND)) {
            throw new UnauthorizedException(CODE_RESET);
        }
        if (early != RefreshRotation.Verdict.ROTATE) {
            throw refused(early, token);
        }

        Optional<UserServiceClient.UserInfo> user = users.find(token.userId());
        if (user.isEmpty()) {
            revoke(token.familyId(), RevokeReason.USER_DELETED);
            throw new UnauthorizedException("the user of this refresh token no longer exists");
        }
        Role role = role(user.get().role(), token.role());

        String next = opaque.newToken();
        RefreshRotation.Verdict verdict = tx.execute(status -> {
            Instant now = clock.instant();
            RefreshTokenFamily locked = families.lockById(token.familyId()).orElseThrow();
            RefreshToken current = tokens.findByTokenHash(hash).orElseThrow();
            RefreshRotation.Verdict v = RefreshRotation.judge(locked, current, now, user.get().telegramId());
            if (v == RefreshRotation.Verdict.REUSED) {
                revokeLocked(locked, RevokeReason.REUSE, now);
            } else if (v == RefreshRotation.Verdict.UNBOUND) {
                revokeLocked(locked, RevokeReason.UNBOUND, now);
            } else if (v == RefreshRotation.Verdict.ROTATE) {
                tokens.save(locked.rotate(current, OpaqueTokens.hash(next), role.value(), now, refreshLifetime));
            }
            return v;
        });
        if (verdict != RefreshRotation.Verdict.ROTATE) {
            throw refused(verdict, token);
        }
        return new Tokens(accessTokens.forUser(token.userId(), role.value()), next, refreshLifetime.toSeconds(),
                token.userId(), role.value(), user.get().fullName());
    }

    /** Ends the login the refresh token belongs to. Unknown or already revoked tokens are fine (idempotent). */
    public void logout(String presented) {
        tokens.findByTokenHash(OpaqueTokens.hash(presented))
                .ifPresent(token -> revoke(token.familyId(), RevokeReason.LOGOUT));
    }

    /** Deletes tokens expired more than a day ago and the families left empty. */
    public int purgeExpired() {
        Instant before = clock.instant().minus(Duration.ofDays(1));
        return tx.execute(status -> tokens.deleteExpiredBefore(before) + families.deleteEmptyBefore(before));
    }

    private UnauthorizedException refused(RefreshRotation.Verdict verdict, RefreshToken token) {
        if (verdict == RefreshRotation.Verdict.REUSED) {
            // The early check saw a used token: end the family now (idempotent when the locked check already did).
            revoke(token.familyId(), RevokeReason.REUSE);
            log.warn("Refresh token reused for user {}: family {} revoked", token.userId(), token.familyId());
            return new UnauthorizedException("refresh token was already used; the login has been ended, "
                    + "log in again");
        }
        if (verdict == RefreshRotation.Verdict.UNBOUND) {
            // Already revoked under the family lock.
            log.info("Access code of user {} was reset: family {} revoked", token.userId(), token.familyId());
            return new UnauthorizedException(CODE_RESET);
        }
        return new UnauthorizedException(verdict == RefreshRotation.Verdict.EXPIRED ? "refresh token has expired"
                : "refresh token has been revoked");
    }

    private void revoke(java.util.UUID familyId, RevokeReason reason) {
        tx.executeWithoutResult(status -> families.lockById(familyId)
                .ifPresent(family -> revokeLocked(family, reason, clock.instant())));
    }

    private void revokeLocked(RefreshTokenFamily family, RevokeReason reason, Instant now) {
        family.revoke(reason, now);
        families.saveAndFlush(family);
        tokens.revokeFamily(family.id(), now);
    }

    private static Role role(String fromUserService, String stored) {
        String value = fromUserService != null ? fromUserService : stored;
        try {
            return Role.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw new DependencyUnavailableException("user-service", "unknown role '" + value + "'");
        }
    }
}
