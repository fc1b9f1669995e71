package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessCodeTest {

    @Test
    void codesAreTrimmedAndUpperCased() {
        assertThat(AccessCode.parse("  abc123 ")).contains("ABC123");
    }

    @Test
    void onlySixToTenLettersAndDigitsAreCodes() {
        assertThat(AccessCode.parse("ABC12")).isEmpty();
        assertThat(AccessCode.parse("ABCDEF12345")).isEmpty();
        assertThat(AccessCode.parse("ABC-123")).isEmpty();
        assertThat(AccessCode.parse("АБВГДЕ")).isEmpty();
        assertThat(AccessCode.parse(null)).isEmpty();
        assertThat(AccessCode.parse("ABCDEFGHIJ")).contains("ABCDEFGHIJ");
    }
}
