package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users/42", "/api/v1/users", "/", "/api/v1/calendar/Ab-3_x.ics",
        "/api/v1/materials/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8", "/api/v1/users/4.2", "/api/v1/users/...x"})
    void acceptsOrdinaryPaths(String path) {
        assertThat(PathSafety.isSafe(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users/../internal/x", "/api/v1/users/..;/..;/internal", "/api/v1/./users",
        "/api/v1/users/%2e%2e/internal", "/api/v1/users/%2E%2e;x=1/internal", "/api/v1/users%2f..%2finternal",
        "/api/v1/users/..%5cinternal", "/api/v1/users/%252e%252e/internal", "/api/v1/users/%00",
        "/api/v1/users/%0d%0a", "api/v1/users", "", "/api/v1/users/%zz"})
    void refusesPathsThatCouldBeReadAsAnother(String path) {
        assertThat(PathSafety.isSafe(path)).isFalse();
    }
}
