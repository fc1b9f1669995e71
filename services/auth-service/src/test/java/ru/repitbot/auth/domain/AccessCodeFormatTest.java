package ru.repitbot.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.repitbot.models.errors.InvalidFieldException;

class AccessCodeFormatTest {

    @Test
    void trimsAndUpperCases() {
        assertThat(AccessCodeFormat.normalize("  k7m2q9xb \n")).isEqualTo("K7M2Q9XB");
        assertThat(AccessCodeFormat.normalize("ADMIN1")).isEqualTo("ADMIN1");
        assertThat(AccessCodeFormat.normalize("abcdefghij")).isEqualTo("ABCDEFGHIJ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ABC12", "ABCDEFGHIJK", "ABC-1234", "ABC 1234", "ПРИВЕТ12", "abc12!"})
    void rejectsAnythingElseNamingTheField(String raw) {
        assertThatThrownBy(() -> AccessCodeFormat.normalize(raw))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("access_code"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> AccessCodeFormat.normalize(null)).isInstanceOf(InvalidFieldException.class);
    }
}
