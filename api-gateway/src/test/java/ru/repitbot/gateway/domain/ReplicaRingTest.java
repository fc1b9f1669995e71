package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaRingTest {

    @Test
    void takesTheReplicasInTurnKeepingPathAndRawQuery() {
        ReplicaRing ring = new ReplicaRing(List.of(URI.create("http://a:8003"), URI.create("http://b:8103")));
        URI request = URI.create("http://a:8003/api/v1/lessons/7/attendance?note=%D0%94%D0%B0&x=1%2B2");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(ring.next(request).toString());
        }
        assertThat(seen).containsExactly(
                "http://a:8003/api/v1/lessons/7/attendance?note=%D0%94%D0%B0&x=1%2B2",
                "http://b:8103/api/v1/lessons/7/attendance?note=%D0%94%D0%B0&x=1%2B2",
                "http://a:8003/api/v1/lessons/7/attendance?note=%D0%94%D0%B0&x=1%2B2",
                "http://b:8103/api/v1/lessons/7/attendance?note=%D0%94%D0%B0&x=1%2B2");
    }

    @Test
    void oneReplicaLeavesTheUrlAlone() {
        ReplicaRing ring = new ReplicaRing(List.of(URI.create("http://a:8003")));
        URI request = URI.create("http://a:8003/openapi.json");
        assertThat(ring.next(request)).isSameAs(request);
        assertThat(ring.next(request)).isSameAs(request);
    }

    @Test
    void refusesNoReplicaOrARelativeUrl() {
        assertThatThrownBy(() -> new ReplicaRing(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicaRing(List.of(URI.create("lesson-service:8003"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
