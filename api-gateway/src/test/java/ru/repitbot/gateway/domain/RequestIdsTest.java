package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    private final RequestIds ids = new RequestIds(() -> "fresh");

    @Test
    void keepsASafeIncomingId() {
        assertThat(ids.accept("b1c2-req_42.x:y")).isEqualTo("b1c2-req_42.x:y");
    }

    @Test
    void replacesMissingLongOrUnsafeIds() {
        assertThat(ids.accept(null)).isEqualTo("fresh");
        assertThat(ids.accept("")).isEqualTo("fresh");
        assertThat(ids.accept("a".repeat(101))).isEqualTo("fresh");
        assertThat(ids.accept("id with spaces")).isEqualTo("fresh");
        assertThat(ids.accept("x\r\nSet-Cookie: a=b")).isEqualTo("fresh");
        assertThat(ids.accept("{\"json\":1}")).isEqualTo("fresh");
    }

    @Test
    void makesUuidsByDefault() {
        assertThat(new RequestIds().accept(null)).matches("[0-9a-f-]{36}");
    }
}
