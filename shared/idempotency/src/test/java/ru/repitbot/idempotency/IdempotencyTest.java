package ru.repitbot.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

/** The Idempotency-Key header's rules and request fingerprints. */
class IdempotencyTest {

    @Test
    void keysAreOneTo255PrintableCharacters() {
        assertThat(Idempotency.parseKey(null)).isNull();
        assertThat(Idempotency.parseKey("  3f2a-11ef-9c1b  ")).isEqualTo("3f2a-11ef-9c1b");
        assertThat(Idempotency.parseKey("k".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> Idempotency.parseKey("   ")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> Idempotency.parseKey("k".repeat(256))).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Idempotency.parseKey("с пробелом")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void theSameValuesHaveTheSameFingerprint() {
        Instant at = Instant.parse("2025-03-01T10:00:00Z");
        assertThat(Idempotency.fingerprint(42L, "Тема", at, null)).isEqualTo(Idempotency.fingerprint(42L, "Тема", at,
                null)).hasSize(64);
        assertThat(Idempotency.fingerprint(new BigDecimal("100"))).as("numbers by value")
                .isEqualTo(Idempotency.fingerprint(new BigDecimal("100.00")));
    }

    @Test
    void anyDifferentValueOrSplitIsAnotherRequest() {
        String base = Idempotency.fingerprint("ab", "c");
        assertThat(Idempotency.fingerprint("a", "bc")).isNotEqualTo(base);
        assertThat(Idempotency.fingerprint("ab;c")).isNotEqualTo(base);
        assertThat(Idempotency.fingerprint("ab", "c", null)).isNotEqualTo(base);
        assertThat(Idempotency.fingerprint("ab", null)).isNotEqualTo(Idempotency.fingerprint("ab", "-"))
                .isNotEqualTo(Idempotency.fingerprint("ab", ""));
        assertThat(Idempotency.fingerprint("x\u0000-", null)).isNotEqualTo(Idempotency.fingerprint("x", null, null));
        assertThat(Idempotency.fingerprint(new BigDecimal("100.01"))).isNotEqualTo(
                Idempotency.fingerprint(new BigDecimal("100")));
    }
}
