package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessCodeGeneratorTest {

    private final AccessCodeGenerator generator = new AccessCodeGenerator();

    @Test
    void codesAreEightCharactersOfUpperCaseLettersAndDigits() {
        for (int i = 0; i < 1_000; i++) {
            String code = generator.next();
            assertThat(code).hasSize(8).matches("[A-Z0-9]{8}");
            assertThat(AccessCode.isValid(code)).isTrue();
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            generator.next().chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(36);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(generator.next());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void aTakenCodeIsDrawnAgain() {
        // Two generators on the same seed: the first tells which code comes first, which is then "taken".
        String first = new AccessCodeGenerator(new Random(42)).next();
        AtomicInteger checks = new AtomicInteger();
        String code = new AccessCodeGenerator(new Random(42)).nextUnused(c -> {
            checks.incrementAndGet();
            return c.equals(first);
        });
        assertThat(code).isNotEqualTo(first).matches("[A-Z0-9]{8}");
        assertThat(checks).hasValue(2);
    }

    @Test
    void givesUpWhenEveryCodeIsTaken() {
        assertThatThrownBy(() -> generator.nextUnused(c -> true)).isInstanceOf(IllegalStateException.class);
    }
}
