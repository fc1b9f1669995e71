package ru.repitbot.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.repitbot.deploy.compose.Compose.DEPLOYABLES;
import static ru.repitbot.deploy.compose.Compose.ONE_SHOT;
import static ru.repitbot.deploy.compose.Compose.dependsOn;
import static ru.repitbot.deploy.compose.Compose.environment;
import static ru.repitbot.deploy.compose.Compose.map;
import static ru.repitbot.deploy.compose.Compose.resolve;
import static ru.repitbot.deploy.compose.Compose.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.repitbot.deploy.Repository;
import ru.repitbot.deploy.compose.Compose.Resolved;
import ru.repitbot.deploy.compose.Compose.Variant;

/**
 * The three compose files, resolved by docker-compose's own parser: valid, every long-running service health-checked
 * and waited for until healthy, the deployables wired to each other by their compose names, prod publishing nothing
 * but the proxy, every variable documented in .env.example, every mounted file present in the repository.
 */
class ComposeFilesTest {

    private static final Set<String> MONITORING = Set.of("prometheus", "alertmanager", "grafana", "jaeger",
            "elasticsearch", "kibana", "kibana-setup", "filebeat");
    /** Host paths (not the repository's) that a container may mount: what Filebeat reads the containers' logs from. */
    private static final Set<String> HOST_PATHS = Set.of("/var/lib/docker/containers", "/var/run/docker.sock");

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyFileResolvesWithoutWarnings(Variant variant) {
        Resolved resolved = resolve(variant);
        // docker-compose says on stderr what it let pass, e.g. "The X variable is not set. Defaulting to a blank
        // string." for a variable neither set in .env nor defaulted in the file.
        assertThat(resolved.stderr()).as("docker-compose's warnings for %s %s", variant.file, variant.profiles)
                .isBlank();
        assertThat(resolved.services()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyLongRunningServiceHasAHealthCheckAndARestartPolicy(Variant variant) {
        resolve(variant).services().forEach((name, service) -> {
            if (ONE_SHOT.contains(name)) {
                assertThat(service.get("restart")).as("%s runs once: never restarted", name).isEqualTo("no");
                return;
            }
            Map<String, Object> health = map(service.get("healthcheck"));
            assertThat(health).as("%s in %s: healthcheck", name, variant.file).isNotEmpty();
            assertThat(health.get("disable")).as("%s: healthcheck disabled", name).isNotEqualTo(true);
            List<String> test = strings(health.get("test"));
            assertThat(test).as("%s: healthcheck test", name).isNotEmpty().doesNotContain("NONE");
            assertThat(test.get(0)).as("%s: healthcheck test form", name).isIn("CMD", "CMD-SHELL");
            assertThat(service.get("restart")).as("%s in %s: restart policy", name, variant.file)
                    .isIn("unless-stopped", "always", "on-failure");
            if (DEPLOYABLES.containsKey(name)) {
                assertThat(test).as("%s: the image's health command", name)
                        .containsExactly("CMD", "/opt/repitbot/bin/healthcheck");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void dependenciesWaitUntilHealthy(Variant variant) {
        Map<String, Map<String, Object>> services = resolve(variant).services();
        services.forEach((name, service) -> dependsOn(service).forEach((dependency, condition) -> {
            assertThat(services).as("%s depends on %s, which %s %s does not start", name, dependency,
                    variant.file, variant.profiles).containsKey(dependency);
            if (services.get(dependency).containsKey("healthcheck")) {
                assertThat(condition).as("%s waits for %s", name, dependency).isEqualTo("service_healthy");
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"STAGING", "STAGING_MONITORING", "PROD", "PROD_MONITORING"})
    void theTwelveDeployablesRunFromTheirImagesWiredByComposeNames(Variant variant) {
        Map<String, Map<String, Object>> services = resolve(variant).services();
        assertThat(services).as(variant.file).containsKeys(DEPLOYABLES.keySet().toArray(String[]::new));
        DEPLOYABLES.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("image")).as("%s image", name)
                    .isEqualTo("ghcr.io/repitbot/" + name + ":latest");
            Map<String, String> env = environment(service);
            assertThat(env).as("%s environment in %s", name, variant.file)
                    .containsEntry("BIND_ADDRESS", "0.0.0.0")
                    .containsEntry(prefix(name) + "_PORT", String.valueOf(port))
                    .containsEntry("DATABASE_URL", "postgresql://repitbot@postgres:5432/repitbot")
                    .containsEntry("REDIS_URL", "redis://redis:6379")
                    .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/")
                    // A line of .env.example: env_file hands the operator's .env to every deployable.
                    .containsEntry("LOG_LEVEL", "INFO");
            assertThat(env.get("MESSAGE_BROKER_URL")).as("%s broker", name).matches("amqp://[^@]+@rabbitmq:5672");
            DEPLOYABLES.forEach((other, otherPort) -> {
                if (!other.equals("telegram-bot")) {
                    assertThat(env).as("%s reaches %s by its compose name", name, other)
                            .containsEntry(prefix(other) + "_URL", "http://" + other + ":" + otherPort);
                }
            });
            assertThat(env.get("ENVIRONMENT")).as("%s ENVIRONMENT", name)
                    .isEqualTo(variant.file.equals("compose.prod.yml") ? "production" : "staging");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"PROD", "PROD_MONITORING"})
    void prodPublishesOnlyTheProxyAndRunsEveryDeployableTwiceWithinLimits(Variant variant) {
        Map<String, Map<String, Object>> services = resolve(variant).services();
        services.forEach((name, service) -> {
            assertThat(service.get("network_mode")).as("%s network_mode", name).isNull();
            if (MONITORING.contains(name)) {
                // The monitoring UIs: the server's loopback only (an SSH tunnel), never the internet.
                assertThat(Compose.ports(service)).as("%s publishes beyond loopback in prod", name)
                        .allMatch(port -> port.startsWith("127.0.0.1:"));
            } else if (!name.equals("caddy")) {
                assertThat(Compose.ports(service)).as("%s publishes ports in prod", name).isEmpty();
            }
            Map<String, Object> limits = map(map(map(service.get("deploy")).get("resources")).get("limits"));
            assertThat(limits).as("%s resource limits", name).containsKeys("memory", "cpus");
        });
        assertThat(Compose.ports(services.get("caddy")))
                .containsExactlyInAnyOrder("80:80/tcp", "443:443/tcp", "443:443/udp");
        DEPLOYABLES.keySet().forEach(name -> {
            Map<String, Object> service = services.get(name);
            assertThat(map(service.get("deploy")).get("replicas")).as("%s replicas", name).isEqualTo(2);
            assertThat(service.get("container_name")).as("%s: a fixed name forbids replicas", name).isNull();
            assertThat(service.get("read_only")).as("%s root filesystem", name).isEqualTo(true);
        });
        Map<String, String> bot = environment(services.get("telegram-bot"));
        assertThat(bot).containsEntry("TELEGRAM_WEBHOOK_URL", "https://" + Compose.DOMAIN + "/telegram/webhook");
        assertThat(environment(services.get("api-gateway"))).containsEntry("GATEWAY_TRUSTED_PROXIES", "1");
        assertThat(environment(services.get("caddy"))).containsEntry("DOMAIN", Compose.DOMAIN);
        // The path the proxy passes to the bot is the bot's own webhook endpoint.
        assertThat(Compose.read(Repository.path(
                "telegram-bot/src/main/java/ru/repitbot/bot/telegram/WebhookController.java")))
                .contains("\"/telegram/webhook\"");
    }

    @Test
    void devPublishesTheBackingServicesOnLoopbackOnly() {
        Map<String, Map<String, Object>> services = resolve(Variant.DEV).services();
        assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "redis", "rabbitmq");
        Set<String> published = new TreeSet<>();
        services.forEach((name, service) -> Compose.ports(service).forEach(port -> {
            assertThat(port).as("%s publishes on loopback", name).startsWith("127.0.0.1:");
            published.add(port.split(":")[1]);
        }));
        // The defaults of .env.example (DATABASE_URL, REDIS_URL, MESSAGE_BROKER_URL) point at these.
        assertThat(published).containsExactlyInAnyOrder("5432", "6379", "5672", "15672");
        assertThat(environment(services.get("postgres"))).containsEntry("POSTGRES_DB", "repitbot")
                .containsEntry("POSTGRES_USER", "postgres");
    }

    @Test
    void stagingPublishesOnPublishAddressOnly() {
        resolve(Variant.STAGING_MONITORING).services().forEach((name, service) -> Compose.ports(service)
                .forEach(port -> assertThat(port).as("%s publishes on 127.0.0.1 by default", name)
                        .startsWith("127.0.0.1:")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"STAGING, STAGING_MONITORING", "PROD, PROD_MONITORING"})
    void theMonitoringProfileAddsTheMonitoringStackAndTracesGoToJaeger(Variant without, Variant with) {
        Map<String, Map<String, Object>> plain = resolve(without).services();
        Map<String, Map<String, Object>> monitored = resolve(with).services();
        assertThat(plain.keySet()).doesNotContainAnyElementsOf(MONITORING);
        Set<String> added = new LinkedHashSet<>(monitored.keySet());
        added.removeAll(plain.keySet());
        assertThat(added).containsExactlyInAnyOrderElementsOf(MONITORING);
        for (String name : MONITORING) {
            assertThat(strings(monitored.get(name).get("profiles"))).as(name).containsExactly("monitoring");
        }
        // With the profile's .env line every deployable sends its traces to Jaeger's OTLP/HTTP port; without it none.
        DEPLOYABLES.keySet().forEach(name -> {
            assertThat(environment(monitored.get(name)))
                    .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318");
            assertThat(environment(plain.get(name))).doesNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
        });
        assertThat(environment(monitored.get("jaeger"))).containsEntry("COLLECTOR_OTLP_ENABLED", "true");
        assertThat(strings(monitored.get("prometheus").get("volumes")))
                .anyMatch(v -> v.endsWith("/infrastructure/monitoring/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"))
                .anyMatch(v -> v.endsWith("/infrastructure/monitoring/prometheus/rules:/etc/prometheus/rules:ro"));
        assertThat(strings(monitored.get("kibana-setup").get("volumes")))
                .anyMatch(v -> v.endsWith("/infrastructure/monitoring/kibana:/provision:ro"));
        assertThat(strings(monitored.get("kibana-setup").get("entrypoint")))
                .containsExactly("sh", "/provision/provision.sh");
    }

    @Test
    void everyVariableTheFilesReferenceIsInEnvExample() {
        Set<String> documented = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]*)=")
                .matcher(Compose.read(Repository.path(".env.example")));
        while (line.find()) {
            documented.add(line.group(1));
        }
        Set<String> referenced = new TreeSet<>();
        for (String file : List.of("compose.dev.yml", "compose.staging.yml", "compose.prod.yml")) {
            String text = stripComments(Compose.read(Repository.path(Compose.DIR).resolve(file)));
            // $VAR and ${VAR…}, but not $$ (a literal dollar for the container's shell)
            Matcher use = Pattern.compile("(?<!\\$)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))")
                    .matcher(text);
            while (use.find()) {
                referenced.add(use.group(1) != null ? use.group(1) : use.group(2));
            }
        }
        assertThat(referenced).as("variables the compose files use").isNotEmpty();
        assertThat(documented).as(".env.example").containsAll(referenced);
        // The Caddyfile's {$VAR} come from the proxy container's environment.
        Matcher caddy = Pattern.compile("\\{\\$([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(Compose.read(Repository.path(Compose.DIR).resolve("Caddyfile")));
        Map<String, String> proxyEnv = environment(resolve(Variant.PROD).services().get("caddy"));
        while (caddy.find()) {
            assertThat(proxyEnv).as("Caddyfile's {$%s}", caddy.group(1)).containsKey(caddy.group(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyMountedFileIsInTheRepository(Variant variant) {
        String root = Repository.root().toString();
        List<String> missing = new ArrayList<>();
        resolve(variant).services().forEach((name, service) -> strings(service.get("volumes")).forEach(volume -> {
            String source = volume.split(":")[0];
            if (!source.startsWith("/")) {
                return; // a named volume
            }
            if (source.startsWith(root + "/")) {
                if (!Files.exists(Path.of(source))) {
                    missing.add(name + ": " + source.substring(root.length() + 1));
                }
            } else {
                assertThat(HOST_PATHS).as("%s mounts the host's %s", name, source).contains(source);
            }
        }));
        assertThat(missing).as("files %s %s mounts that the repository lacks", variant.file, variant.profiles)
                .isEmpty();
    }

    /**
     * The monitoring files agree with the compose file: Prometheus scrapes the compose services at their ports and
     * alerts through the compose Alertmanager, the files Prometheus and Alertmanager read (secrets) are mounted where
     * they read them, Grafana's dashboard provider reads a folder compose fills with the repository's dashboards.
     */
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"STAGING_MONITORING", "PROD_MONITORING"})
    void theMonitoringConfigurationNamesWhatComposeRuns(Variant variant) {
        Map<String, Map<String, Object>> services = resolve(variant).services();
        Path prometheus = Repository.path("infrastructure/monitoring/prometheus/prometheus.yml");
        assertThat(prometheus).as("written by the metrics part").exists();
        Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load(Compose.read(prometheus));
        Set<String> targets = new TreeSet<>();
        collectTargets(config, targets);
        assertThat(targets).as("static targets in prometheus.yml").isNotEmpty();
        Map<String, Integer> ports = new LinkedHashMap<>(DEPLOYABLES);
        ports.putAll(Map.of("alertmanager", 9093, "prometheus", 9090));
        for (String target : targets) {
            String host = target.substring(0, target.lastIndexOf(':'));
            if (host.equals("localhost") || host.equals("127.0.0.1")) {
                continue; // Prometheus itself
            }
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            assertThat(services).as("prometheus.yml's target %s is a compose service", target).containsKey(host);
            if (ports.containsKey(host)) {
                assertThat(port).as("port of %s", target).isEqualTo(ports.get(host));
            }
        }
        assertThat(targets).as("every deployable is scraped")
                .containsAll(DEPLOYABLES.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());

        // Files the configurations read inside their containers (oauth2 client_secret_file, smtp_auth_password_file…)
        // are mounted there, as a compose secret or a volume.
        List<String> prometheusFiles = new ArrayList<>();
        collectFileSettings(config, prometheusFiles);
        assertThat(prometheusFiles).allSatisfy(file -> assertThat(containerPath(services.get("prometheus"), file))
                .as("prometheus.yml reads %s", file).isNotNull());
        Path alertmanager = Repository.path("infrastructure/monitoring/alertmanager/alertmanager.yml");
        List<String> alertmanagerFiles = new ArrayList<>();
        collectFileSettings(new org.yaml.snakeyaml.Yaml().load(Compose.read(alertmanager)), alertmanagerFiles);
        assertThat(alertmanagerFiles).allSatisfy(file -> assertThat(containerPath(services.get("alertmanager"), file))
                .as("alertmanager.yml reads %s", file).isNotNull());

        // Grafana's dashboard providers read a folder that compose fills with the repository's dashboards.
        Path providers = Repository.path("infrastructure/monitoring/grafana/provisioning/dashboards");
        assertThat(providers).as("written by the metrics part").isDirectory();
        List<String> paths = new ArrayList<>();
        try (var files = Files.list(providers)) {
            files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).forEach(f -> {
                Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(Compose.read(f));
                for (Object provider : (List<?>) doc.getOrDefault("providers", List.of())) {
                    paths.add(String.valueOf(map(map(provider).get("options")).get("path")));
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(paths).as("Grafana dashboard providers").isNotEmpty();
        for (String path : paths) {
            String source = containerPath(services.get("grafana"), path);
            assertThat(source).as("the folder Grafana's provider reads (%s) is mounted", path).isNotNull();
            try (var dashboards = Files.list(Path.of(source))) {
                assertThat(dashboards.filter(f -> f.toString().endsWith(".json")).count())
                        .as("dashboards in %s (Grafana's %s)", source, path).isPositive();
            } catch (java.io.IOException e) {
                throw new AssertionError("Grafana's provider path " + path + " is " + source + ": " + e, e);
            }
        }
    }

    /**
     * Where a path inside a service's container comes from: the host path of the volume or the secret file that
     * provides it (a mount of a folder provides what is below it); null when nothing does.
     */
    private static String containerPath(Map<String, Object> service, String path) {
        for (String volume : strings(service.get("volumes"))) {
            String[] parts = volume.split(":");
            if (path.equals(parts[1]) || path.startsWith(parts[1] + "/")) {
                return parts[0] + path.substring(parts[1].length());
            }
        }
        for (Object entry : (List<?>) service.getOrDefault("secrets", List.of())) {
            Map<String, Object> secret = map(entry);
            String target = String.valueOf(secret.getOrDefault("target", secret.get("source")));
            if (path.equals(target.startsWith("/") ? target : "/run/secrets/" + target)) {
                return "secret " + secret.get("source");
            }
        }
        return null;
    }

    /** Values of settings named *_file / *_files that are absolute paths. */
    private static void collectFileSettings(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (String.valueOf(k).endsWith("_file") && v instanceof String s && s.startsWith("/")) {
                    out.add(s);
                } else {
                    collectFileSettings(v, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectFileSettings(v, out));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectTargets(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> m) {
            Object targets = m.get("targets");
            if (targets instanceof List<?> list) {
                list.forEach(t -> out.add(String.valueOf(t)));
            }
            m.values().forEach(v -> collectTargets(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectTargets(v, out));
        }
    }

    private static String stripComments(String yaml) {
        StringBuilder out = new StringBuilder();
        Arrays.stream(yaml.split("\n")).forEach(l -> out.append(l.strip().startsWith("#") ? "" : l).append('\n'));
        return out.toString();
    }

    static String prefix(String deployable) {
        return deployable.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
