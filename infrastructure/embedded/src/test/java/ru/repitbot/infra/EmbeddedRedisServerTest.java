package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedRedisServerTest {

    @Test
    void answersPingAndStoresValuesUntilClosed() throws Exception {
        int port;
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0)) {
            port = redis.port();
            assertThat(port).isPositive().isNotEqualTo(6379);
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(in.readLine()).isEqualTo("+PONG");
                out.write("SET rate:tutor:1 7\r\nGET rate:tutor:1\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(in.readLine()).isEqualTo("+OK");
                assertThat(in.readLine()).isEqualTo("$1");
                assertThat(in.readLine()).isEqualTo("7");
            }
        }
        assertThat(Reachability.tcp("127.0.0.1", port, Duration.ofMillis(300))).isFalse();
    }
}
