package ru.repitbot.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.auth.domain.RefreshRotation.Verdict;
import ru.repitbot.auth.domain.RefreshTokenFamily.RevokeReason;

class RefreshRotationTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final long PHONE = 555_000_111L;

    private final RefreshTokenFamily family = RefreshTokenFamily.start(42, PHONE, T0);
    private final RefreshToken first = family.firstToken("hash-1", "student", T0, WEEK);

    @Test
    void aFreshTokenIsRotatedIntoASuccessorOfTheSameFamily() {
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(60))).isEqualTo(Verdict.ROTATE);

        RefreshToken second = family.rotate(first, "hash-2", "tutor", T0.plusSeconds(60), WEEK);

        assertThat(first.isUsed()).isTrue();
        assertThat(second.familyId()).isEqualTo(first.familyId());
        assertThat(second.userId()).isEqualTo(42);
        assertThat(second.role()).isEqualTo("tutor");
        assertThat(second.expiresAt()).isEqualTo(T0.plusSeconds(60).plus(WEEK));
        assertThat(RefreshRotation.judge(family, second, T0.plusSeconds(120))).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void presentingAUsedTokenAgainIsReuse() {
        RefreshToken second = family.rotate(first, "hash-2", "student", T0.plusSeconds(60), WEEK);

        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(120))).isEqualTo(Verdict.REUSED);
        assertThat(RefreshRotation.judge(family, second, T0.plusSeconds(120))).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void reuseEndsTheFamilySoTheLegitimateSuccessorStopsWorkingToo() {
        RefreshToken second = family.rotate(first, "hash-2", "student", T0.plusSeconds(60), WEEK);

        family.revoke(RevokeReason.REUSE, T0.plusSeconds(120));

        assertThat(RefreshRotation.judge(family, second, T0.plusSeconds(130))).isEqualTo(Verdict.REVOKED);
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(130))).isEqualTo(Verdict.REVOKED);
        assertThatThrownBy(() -> family.rotate(second, "hash-3", "student", T0.plusSeconds(130), WEEK))
                .isInstanceOf(IllegalStateException.class);
        assertThat(family.revokedReason()).isEqualTo("reuse");
    }

    @Test
    void aUsedTokenCannotBeRotatedTwice() {
        family.rotate(first, "hash-2", "student", T0.plusSeconds(60), WEEK);

        assertThatThrownBy(() -> family.rotate(first, "hash-3", "student", T0.plusSeconds(61), WEEK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REUSED");
    }

    @Test
    void aTokenPastItsLifetimeHasExpired() {
        assertThat(RefreshRotation.judge(family, first, T0.plus(WEEK).minusSeconds(1))).isEqualTo(Verdict.ROTATE);
        assertThat(RefreshRotation.judge(family, first, T0.plus(WEEK))).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aUsedTokenIsReuseEvenAfterItExpired() {
        family.rotate(first, "hash-2", "student", T0.plusSeconds(60), WEEK);

        assertThat(RefreshRotation.judge(family, first, T0.plus(WEEK).plusSeconds(1))).isEqualTo(Verdict.REUSED);
    }

    @Test
    void logoutRevokesAndStaysRevokedWithItsFirstReason() {
        family.revoke(RevokeReason.LOGOUT, T0.plusSeconds(5));
        family.revoke(RevokeReason.REUSE, T0.plusSeconds(10));

        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(20))).isEqualTo(Verdict.REVOKED);
        assertThat(family.revokedReason()).isEqualTo("logout");
        assertThat(family.revokedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aRevokedTokenIsRefusedEvenIfItsFamilyRecordSaysOtherwise() {
        first.revoke(T0.plusSeconds(5));

        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(6))).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void aTokenOfAnotherFamilyCannotBeRotatedHere() {
        RefreshTokenFamily other = RefreshTokenFamily.start(42, PHONE, T0);

        assertThatThrownBy(() -> other.rotate(first, "hash-2", "student", T0, WEEK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whileTheUserIsStillBoundToTheLoginsTelegramIdTheTokenRotates() {
        assertThat(family.telegramId()).isEqualTo(PHONE);
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(60), PHONE)).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void aResetCodeThatLeftTheUserUnboundEndsTheLogin() {
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(60), null)).isEqualTo(Verdict.UNBOUND);

        family.revoke(RevokeReason.UNBOUND, T0.plusSeconds(60));

        assertThat(family.revokedReason()).isEqualTo("unbound");
        assertThat(family.isRevokedFor(RevokeReason.UNBOUND)).isTrue();
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(61), PHONE)).isEqualTo(Verdict.REVOKED);
        assertThatThrownBy(() -> family.rotate(first, "hash-2", "student", T0.plusSeconds(61), WEEK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCodeBoundAnewToAnotherTelegramAccountEndsTheOldLogin() {
        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(60), PHONE + 1)).isEqualTo(Verdict.UNBOUND);
    }

    @Test
    void aFamilyFromBeforeTelegramIdsWereRecordedIsNotChecked() {
        RefreshTokenFamily old = RefreshTokenFamily.start(42, null, T0);
        RefreshToken token = old.firstToken("hash-old", "student", T0, WEEK);

        assertThat(RefreshRotation.judge(old, token, T0.plusSeconds(60), null)).isEqualTo(Verdict.ROTATE);
        assertThat(RefreshRotation.judge(old, token, T0.plusSeconds(60), PHONE)).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void theBindingIsOnlyAskedAboutOnceTheTokenItselfIsValid() {
        RefreshToken second = family.rotate(first, "hash-2", "student", T0.plusSeconds(60), WEEK);

        assertThat(RefreshRotation.judge(family, first, T0.plusSeconds(120), null)).isEqualTo(Verdict.REUSED);
        assertThat(RefreshRotation.judge(family, second, T0.plusSeconds(60).plus(WEEK), null))
                .isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void opaqueTokensAre256RandomBitsStoredAsTheirSha256() {
        OpaqueTokens tokens = new OpaqueTokens(new java.security.SecureRandom());
        String a = tokens.newToken();
        String b = tokens.newToken();

        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(OpaqueTokens.hash(a)).hasSize(64).isEqualTo(OpaqueTokens.hash(a)).isNotEqualTo(
                OpaqueTokens.hash(b));
        assertThat(OpaqueTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
