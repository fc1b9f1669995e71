package ru.repitbot.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One login's chain of refresh tokens. Every refresh uses the chain's newest token and adds its successor; when a
 * used token shows up again (someone kept a copy), the whole family is revoked, so neither the thief nor the owner
 * can go on without logging in again. The family row is also what concurrent refreshes of one login lock on.
 *
 * <p>The family remembers the Telegram id the login was made with: once the user is no longer bound to it (the tutor
 * reset the access code because a phone was lost, and perhaps the code was bound anew), the login must end.
 */
@Entity
@Table(name = "refresh_family")
public class RefreshTokenFamily {

    /** Why a family ended. */
    public enum RevokeReason {
        LOGOUT, REUSE, USER_DELETED,
        /** The user is no longer bound to the login's Telegram id (the access code was reset). */
        UNBOUND
    }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    /** The Telegram id of the login; {@code null} for families from before it was recorded. */
    @Column(name = "telegram_id")
    private Long telegramId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 20)
    private String revokedReason;

    protected RefreshTokenFamily() {
    }

    private RefreshTokenFamily(UUID id, long userId, Long telegramId, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.telegramId = telegramId;
        this.createdAt = createdAt;
    }

    /**
     * A new family for a fresh login.
     *
     * @param telegramId the Telegram id the login was made with; {@code null} only for a login not tied to one,
     *     which no binding change can end
     */
    public static RefreshTokenFamily start(long userId, Long telegramId, Instant now) {
        return new RefreshTokenFamily(UUID.randomUUID(), userId, telegramId, Objects.requireNonNull(now));
    }

    /**
     * Whether the login may go on while user-service binds the user to {@code currentTelegramId} ({@code null}:
     * bound to no account). A login made with a Telegram id may not once the user is unbound from it or bound to
     * another one (the access code was reset); a family without a recorded id is not checked.
     */
    public boolean isStillBoundTo(Long currentTelegramId) {
        return telegramId == null || telegramId.equals(currentTelegramId);
    }

    /** The family's first token, issued at login. */
    public RefreshToken firstToken(String tokenHash, String role, Instant now, Duration lifetime) {
        return new RefreshToken(tokenHash, id, userId, role, now, now.plus(lifetime));
    }

    /**
     * Uses {@code presented} and returns its successor in this family.
     *
     * @throws IllegalStateException unless {@link RefreshRotation#judge} said {@code ROTATE}
     */
    public RefreshToken rotate(RefreshToken presented, String newTokenHash, String role, Instant now,
            Duration lifetime) {
        if (!presented.familyId().equals(id)) {
            throw new IllegalArgumentException("token belongs to another family");
        }
        RefreshRotation.Verdict verdict = RefreshRotation.judge(this, presented, now);
        if (verdict != RefreshRotation.Verdict.ROTATE) {
            throw new IllegalStateException("cannot rotate: " + verdict);
        }
        presented.markUsed(now);
        return new RefreshToken(newTokenHash, id, userId, role, now, now.plus(lifetime));
    }

    /** Ends the family; idempotent (the first reason stays). Its tokens are revoked by storage in the same step. */
    public void revoke(RevokeReason reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether the family was ended for {@code reason}. */
    public boolean isRevokedFor(RevokeReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).equals(revokedReason);
    }

    public UUID id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public Long telegramId() {
        return telegramId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedReason() {
        return revokedReason;
    }
}
