package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    @Test
    void seesAListeningPortAndNotAClosedOne() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(Reachability.tcp("127.0.0.1", port, Duration.ofSeconds(1))).isTrue();
        }
        assertThat(Reachability.tcp("127.0.0.1", port, Duration.ofMillis(300))).isFalse();
    }

    @Test
    void rejectsImpossiblePortsWithoutThrowing() {
        assertThat(Reachability.tcp("127.0.0.1", 0, Duration.ofMillis(100))).isFalse();
        assertThat(Reachability.tcp("127.0.0.1", 70_000, Duration.ofMillis(100))).isFalse();
    }
}
