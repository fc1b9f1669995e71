package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraMainTest {

    @Test
    void parsesOnlyTheServersAskedFor() {
        EmbeddedInfraMain.Options options = EmbeddedInfraMain.Options.parse("--redis=0", "--amqp=5673", "--data-dir=/tmp/x");
        assertThat(options.postgresPort()).isNull();
        assertThat(options.redisPort()).isZero();
        assertThat(options.amqpPort()).isEqualTo(5673);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void rejectsUnknownFlagsBadPortsAndAnEmptyCommandLine() {
        assertThatThrownBy(() -> EmbeddedInfraMain.Options.parse("--rabbit=1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> EmbeddedInfraMain.Options.parse("--redis=abc")).hasMessageContaining("port number");
        assertThatThrownBy(() -> EmbeddedInfraMain.Options.parse("--redis=70000")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> EmbeddedInfraMain.Options.parse("--redis")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> EmbeddedInfraMain.Options.parse()).hasMessageContaining("nothing to start");
    }

    @Test
    void readyLineAndEnvFileNameOnlyTheStartedServers(@TempDir Path dir) throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("postgres", "postgresql://postgres@127.0.0.1:1/postgres");
        urls.put("amqp", "amqp://guest:guest@127.0.0.1:2/");
        assertThat(EmbeddedInfraMain.readyLine(urls))
                .isEqualTo("READY postgres=postgresql://postgres@127.0.0.1:1/postgres amqp=amqp://guest:guest@127.0.0.1:2/");

        Path env = dir.resolve("embedded-infra.env");
        EmbeddedInfraMain.writeEnvFile(env, urls);
        assertThat(Files.readAllLines(env)).containsExactly(
                "postgres=postgresql://postgres@127.0.0.1:1/postgres", "amqp=amqp://guest:guest@127.0.0.1:2/");
    }

    @Test
    void startsTheRequestedServersOnFreePorts() throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Map<String, String> urls = EmbeddedInfraMain.startAll(
                    EmbeddedInfraMain.Options.parse("--redis=0", "--amqp=0"), started);
            assertThat(urls).containsOnlyKeys("redis", "amqp");
            for (AutoCloseable server : started) {
                int port = server instanceof EmbeddedRedisServer redis ? redis.port() : ((EmbeddedAmqpBroker) server).port();
                assertThat(Reachability.tcp("127.0.0.1", port, Duration.ofSeconds(1))).isTrue();
            }
        } finally {
            for (AutoCloseable server : started) {
                server.close();
            }
        }
    }

    @Test
    void whenOneServerFailsTheOthersAreStillHandedBackForClosing() throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedInfraMain.Options options =
                    EmbeddedInfraMain.Options.parse("--redis=" + occupied.getLocalPort(), "--amqp=0");
            assertThatThrownBy(() -> EmbeddedInfraMain.startAll(options, started)).isInstanceOf(RuntimeException.class);
            assertThat(started).singleElement().isInstanceOf(EmbeddedAmqpBroker.class);
        } finally {
            for (AutoCloseable server : started) {
                server.close();
            }
        }
    }
}
