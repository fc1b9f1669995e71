package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void allowsNoOriginUnlessListed() {
        CorsPolicy none = new CorsPolicy(null, true, null, null);

        assertThat(none.allowsNoOrigin()).isTrue();
        assertThat(none.methods()).isEqualTo(CorsPolicy.DEFAULT_METHODS);
        assertThat(none.headers()).contains("Authorization", "X-Request-Id");
    }

    @Test
    void readsCommaListsAndTheSeedsJsonLists() {
        CorsPolicy comma = new CorsPolicy(List.of("https://a.example, https://b.example/"), true, null, null);
        CorsPolicy json = new CorsPolicy(List.of("[\"https://a.example\"", "\"https://b.example\"]"), true,
                List.of("get", "post"), List.of("*"));

        assertThat(comma.origins()).containsExactly("https://a.example", "https://b.example");
        assertThat(json.origins()).containsExactly("https://a.example", "https://b.example");
        assertThat(json.methods()).containsExactly("GET", "POST");
        assertThat(json.credentialsAllowed()).isTrue();
    }

    @Test
    void neverAllowsCredentialsForAnyOrigin() {
        CorsPolicy any = new CorsPolicy(List.of("*"), true, List.of("*"), List.of("*"));

        assertThat(any.allowsAnyOrigin()).isTrue();
        assertThat(any.credentialsAllowed()).isFalse();
    }
}
