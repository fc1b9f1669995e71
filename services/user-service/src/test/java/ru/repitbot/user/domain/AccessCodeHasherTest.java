package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessCodeHasherTest {

    private final AccessCodeHasher hasher = new AccessCodeHasher("pepper-one");

    @Test
    void theSameCodeAlwaysGivesTheSameHash() {
        assertThat(hasher.hash("ABCD1234")).isEqualTo(hasher.hash("ABCD1234"))
                .isEqualTo(new AccessCodeHasher("pepper-one").hash("ABCD1234"));
    }

    @Test
    void theCodeIsNormalisedBeforeHashing() {
        assertThat(hasher.hash("  abcd1234 ")).isEqualTo(hasher.hash("ABCD1234"));
    }

    @Test
    void differentCodesGiveDifferentHashes() {
        assertThat(hasher.hash("ABCD1234")).isNotEqualTo(hasher.hash("ABCD1235"));
    }

    @Test
    void theHashDependsOnThePepper() {
        assertThat(new AccessCodeHasher("pepper-two").hash("ABCD1234")).isNotEqualTo(hasher.hash("ABCD1234"));
    }

    @Test
    void theHashIsKeyedNotAPlainDigestAndDoesNotContainTheCode() {
        String hash = hasher.hash("ABCD1234");
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("ABCD1234");
        // A plain SHA-256 of the code would let anyone with the table try all codes; the keyed hash differs.
        assertThat(hash).isNotEqualTo(sha256("ABCD1234"));
    }

    @Test
    void aPepperIsRequired() {
        assertThatThrownBy(() -> new AccessCodeHasher(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessCodeHasher(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
