package ru.repitbot.deploy.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.repitbot.deploy.Repository;
import ru.repitbot.deploy.launcher.Launcher;

/**
 * {@code ./repitbot systemd} writes a unit per deployable that systemd itself accepts ({@code systemd-analyze verify},
 * Debian package {@code systemd}), hardened ({@code systemd-analyze security --offline}), running the jar with the
 * launcher's JVM options and each deployable seeing only its own secrets.
 */
class SystemdUnitsTest {

    /** The twelve deployables and their ports (the shared contract of docs/deploy). */
    static final Map<String, Integer> DEPLOYABLES = new LinkedHashMap<>();

    static {
        DEPLOYABLES.put("api-gateway", 8000);
        DEPLOYABLES.put("user-service", 8001);
        DEPLOYABLES.put("auth-service", 8002);
        DEPLOYABLES.put("lesson-service", 8003);
        DEPLOYABLES.put("homework-service", 8004);
        DEPLOYABLES.put("payment-service", 8005);
        DEPLOYABLES.put("notification-service", 8006);
        DEPLOYABLES.put("material-service", 8007);
        DEPLOYABLES.put("analytics-service", 8008);
        DEPLOYABLES.put("achievement-service", 8009);
        DEPLOYABLES.put("scheduler-service", 8010);
        DEPLOYABLES.put("telegram-bot", 8011);
    }

    @TempDir
    static Path tmp;

    static Path units;

    @BeforeAll
    static void generate() {
        units = tmp.resolve("units");
        var result = Launcher.repitbot(tmp.resolve("state"), Map.of(), "systemd", "--out", units.toString(),
                "--user", "tutoring", "--prefix", "/srv/repitbot", "--etc", "/etc/repitbot-test");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyDeployableHasAUnitAndTheTargetWantsThemAll() throws IOException {
        try (Stream<Path> files = Files.list(units)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(
                            DEPLOYABLES.keySet().stream().map(n -> "repitbot-" + n + ".service"),
                            Stream.of("repitbot.target")).toList());
        }
        var target = Unit.read(units.resolve("repitbot.target"));
        assertThat(target.value("Unit", "Wants").split(" ")).containsExactlyInAnyOrderElementsOf(
                DEPLOYABLES.keySet().stream().map(n -> "repitbot-" + n + ".service").toList());
        assertThat(target.value("Install", "WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void eachUnitRunsItsJarWithTheLaunchersJvmOptionsAsTheGivenUser() throws IOException {
        for (var deployable : DEPLOYABLES.entrySet()) {
            String name = deployable.getKey();
            var unit = Unit.read(units.resolve("repitbot-" + name + ".service"));
            String exec = unit.value("Service", "ExecStart");
            assertThat(exec).as(name)
                    .contains("-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Xmx256m")
                    .endsWith("-jar /srv/repitbot/lib/" + name + ".jar");
            assertThat(Path.of(exec.split(" ")[0])).as("the JDK's java of the machine").isExecutable();
            // The services and the bot are built with Spring AOT; the gateway is not.
            if (name.equals("api-gateway")) {
                assertThat(exec).doesNotContain("-Dspring.aot.enabled=true").contains("-XX:TieredStopAtLevel=4");
            } else {
                assertThat(exec).as(name).contains("-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1");
            }
            String prefix = name.toUpperCase().replace('-', '_');
            assertThat(unit.values("Service", "Environment")).as(name)
                    .contains(prefix + "_PORT=" + deployable.getValue(), "BIND_ADDRESS=127.0.0.1",
                            "ENVIRONMENT=production", "AUTH_SERVICE_URL=http://127.0.0.1:8002");
            assertThat(unit.values("Service", "EnvironmentFile"))
                    .containsExactly("/etc/repitbot-test/repitbot.env", "/etc/repitbot-test/secrets.env");
            assertThat(unit.value("Service", "User")).isEqualTo("tutoring");
            assertThat(unit.value("Service", "Restart")).isEqualTo("on-failure");
            assertThat(unit.value("Service", "NoNewPrivileges")).isEqualTo("yes");
            assertThat(unit.value("Service", "ProtectSystem")).isEqualTo("strict");
            assertThat(unit.value("Service", "PrivateTmp")).isEqualTo("yes");
            assertThat(unit.value("Service", "ReadWritePaths")).isEqualTo("/var/lib/repitbot");
            assertThat(unit.value("Unit", "PartOf")).isEqualTo("repitbot.target");
        }
    }

    @Test
    void eachDeployableSeesOnlyTheSecretsItNeeds() throws IOException {
        for (String name : DEPLOYABLES.keySet()) {
            List<String> unset = List.of(Unit.read(units.resolve("repitbot-" + name + ".service"))
                    .value("Service", "UnsetEnvironment").split(" "));
            String own = name.toUpperCase().replace('-', '_') + "_SECRET_KEY";
            assertThat(unset).as(name).doesNotContain(own, "SECRET_KEY").contains("PORT");
            List<String> others = DEPLOYABLES.keySet().stream().filter(n -> !n.equals(name))
                    .map(n -> n.toUpperCase().replace('-', '_') + "_SECRET_KEY").toList();
            if (name.equals("auth-service")) {
                assertThat(unset).as("auth-service checks every client's secret").doesNotContainAnyElementsOf(others);
            } else {
                assertThat(unset).as(name).containsAll(others);
            }
            if (name.equals("user-service")) {
                assertThat(unset).doesNotContain("ADMIN_ACCESS_CODE");
            } else {
                assertThat(unset).as(name).contains("ADMIN_ACCESS_CODE");
            }
        }
    }

    @Test
    void systemdAcceptsEveryUnit() throws IOException {
        Path analyze = Launcher.tool("systemd-analyze", "systemd");
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify"));
        try (Stream<Path> files = Files.list(units)) {
            files.sorted().forEach(p -> command.add(p.toString()));
        }
        var result = Launcher.run(command, 120);
        // verify exits 0 on unknown or misspelt settings too, with a warning: any word from it is a failure.
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isBlank();
    }

    @Test
    void verifyWouldCatchABrokenUnit() throws IOException {
        Path analyze = Launcher.tool("systemd-analyze", "systemd");
        Path broken = tmp.resolve("broken/repitbot-broken.service");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, Files.readString(units.resolve("repitbot-user-service.service"))
                .replace("Restart=on-failure", "Restart=sometimes"));
        var result = Launcher.run(List.of(analyze.toString(), "verify", broken.toString()), 60);
        assertThat(result.output()).containsIgnoringCase("restart specifier");
    }

    @Test
    void theUnitsAreHardened() throws IOException {
        Path analyze = Launcher.tool("systemd-analyze", "systemd");
        for (String name : DEPLOYABLES.keySet()) {
            Path unit = units.resolve("repitbot-" + name + ".service");
            // systemd's exposure score, 0 (locked down) to 10 (root with everything): "OK" is below 4.5.
            var result = Launcher.run(List.of(analyze.toString(), "security", "--offline=yes", "--threshold=35",
                    unit.toString()), 60);
            assertThat(result.exitCode()).as(name + ": exposure above 3.5\n" + result.output()).isZero();
        }
    }

    @Test
    void theNightlyBackupUnitsAreValid() throws IOException {
        Path analyze = Launcher.tool("systemd-analyze", "systemd");
        Path dir = Files.createDirectories(tmp.resolve("backup-units"));
        Path source = Repository.path("infrastructure/systemd");
        // The unit names the launcher where docs/deploy/without-containers.md puts the checkout; here it is this one.
        Files.writeString(dir.resolve("repitbot-backup.service"), Files.readString(source.resolve("repitbot-backup.service"))
                .replace("/opt/repitbot/src/repitbot", Repository.path("repitbot").toString()));
        Files.copy(source.resolve("repitbot-backup.timer"), dir.resolve("repitbot-backup.timer"));
        var result = Launcher.run(List.of(analyze.toString(), "verify", dir.resolve("repitbot-backup.service").toString(),
                dir.resolve("repitbot-backup.timer").toString()), 60);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isBlank();
        assertThat(Unit.read(dir.resolve("repitbot-backup.service")).value("Service", "ExecStart"))
                .endsWith("repitbot backup /var/backups/repitbot");
    }

    @Test
    void theReverseProxyConfigIsValidCaddy() {
        Path caddy = Launcher.tool("caddy", "caddy");
        var result = Launcher.run(List.of(caddy.toString(), "adapt", "--validate", "--config",
                Repository.path("infrastructure/systemd/Caddyfile").toString()), 60);
        assertThat(result.exitCode()).as(result.output()).isZero();
        // The bot's webhook and the gateway on the loopback, and the metrics kept off the internet.
        assertThat(result.stdout()).contains("/telegram/webhook", "127.0.0.1:8011", "127.0.0.1:8000", "/metrics*");
    }

    /** A unit file as systemd reads it: sections, then keys that may repeat (Environment=, EnvironmentFile=). */
    record Unit(Map<String, Map<String, List<String>>> sections) {

        static Unit read(Path file) throws IOException {
            Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
            Map<String, List<String>> current = null;
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
                    continue;
                }
                int eq = line.indexOf('=');
                assertThat(current).as(file + ": a setting outside a section: " + line).isNotNull();
                assertThat(eq).as(file + ": not KEY=VALUE: " + line).isPositive();
                current.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
            return new Unit(sections);
        }

        List<String> values(String section, String key) {
            return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
        }

        String value(String section, String key) {
            List<String> all = values(section, key);
            assertThat(all).as("[" + section + "] " + key).hasSize(1);
            return all.getFirst();
        }
    }
}
