package ru.repitbot.deploy.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.deploy.Repository;

/**
 * The compose files of {@code infrastructure/docker/} as docker-compose itself resolves them: {@code docker-compose
 * --env-file <.env.example + the values a real .env must add> -f <file> [--profile …] config}, parsed. Resolved once
 * per variant for the whole test run (a call takes about a second).
 */
final class Compose {

    static final String DIR = "infrastructure/docker";

    /** The twelve deployables and their ports (the contract between images, compose, Kubernetes and monitoring). */
    static final Map<String, Integer> DEPLOYABLES = orderedMap(
            "user-service", 8001, "auth-service", 8002, "lesson-service", 8003, "homework-service", 8004,
            "payment-service", 8005, "notification-service", 8006, "material-service", 8007,
            "analytics-service", 8008, "achievement-service", 8009, "scheduler-service", 8010,
            "api-gateway", 8000, "telegram-bot", 8011);

    /** Services that run once and exit: no health check, never restarted. */
    static final Set<String> ONE_SHOT = Set.of("kibana-setup");

    static final String DOMAIN = "repitbot.example.org";

    /** A file plus the profiles and the .env lines it is run with. */
    enum Variant {
        DEV("compose.dev.yml", List.of(), List.of()),
        STAGING("compose.staging.yml", List.of(), List.of()),
        STAGING_MONITORING("compose.staging.yml", List.of("monitoring"),
                List.of("OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4318")),
        PROD("compose.prod.yml", List.of(), List.of()),
        PROD_MONITORING("compose.prod.yml", List.of("monitoring"),
                List.of("OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4318"));

        final String file;
        final List<String> profiles;
        final List<String> extraEnv;

        Variant(String file, List<String> profiles, List<String> extraEnv) {
            this.file = file;
            this.profiles = profiles;
            this.extraEnv = extraEnv;
        }
    }

    /** What docker-compose resolved: the whole document and the services this variant starts. */
    record Resolved(Variant variant, Map<String, Object> document, Map<String, Map<String, Object>> services,
            String stderr) {
    }

    private static final Map<Variant, java.util.concurrent.Future<Resolved>> CACHE = new EnumMap<>(Variant.class);
    private static Path workDir;

    private Compose() {
    }

    /**
     * The variant resolved by docker-compose. The first call starts all four at once (a docker-compose run is a
     * second of CPU, mostly Python starting, and several on a busy machine); each variant's failure is its own.
     */
    static Resolved resolve(Variant variant) {
        java.util.concurrent.Future<Resolved> future;
        synchronized (CACHE) {
            if (CACHE.isEmpty()) {
                var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
                for (Variant each : Variant.values()) {
                    CACHE.put(each, executor.submit(() -> run(each)));
                }
                executor.shutdown();
            }
            future = CACHE.get(variant);
        }
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The values a real .env must add to .env.example for each file to resolve (prod refuses to go without them). */
    static List<String> requiredEnv(Path envFile, Path secretsDir) {
        return List.of(
                "DOMAIN=" + DOMAIN,
                "RABBITMQ_PASSWORD=test-password",
                // The containers' env_file is this same file (in a checkout, the repository's .env).
                "REPITBOT_ENV_FILE=" + envFile,
                "REPITBOT_SECRETS_DIR=" + secretsDir);
    }

    static synchronized Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("repitbot-compose-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            workDir.toFile().deleteOnExit();
        }
        return workDir;
    }

    private static Resolved run(Variant variant) {
        try {
            Path env = workDir().resolve(variant.name().toLowerCase() + ".env");
            List<String> lines = new ArrayList<>(Files.readAllLines(Repository.path(".env.example")));
            lines.addAll(requiredEnv(env, workDir().resolve("secrets")));
            lines.addAll(variant.extraEnv);
            Files.write(env, lines);
            List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", env.toString(),
                    "-f", Repository.path(DIR).resolve(variant.file).toString()));
            for (String profile : variant.profiles) {
                command.addAll(List.of("--profile", profile));
            }
            command.add("config");
            Tools.Result result = Tools.run(Tools.DOCKER_COMPOSE, command, Map.of());
            if (result.exit() != 0) {
                throw new AssertionError(variant.file + " " + variant.profiles + " is not valid for docker-compose:\n"
                        + result.stderr());
            }
            Map<String, Object> document = new Yaml().load(result.stdout());
            Map<String, Map<String, Object>> active = new LinkedHashMap<>();
            services(document).forEach((name, service) -> {
                List<String> profiles = strings(service.get("profiles"));
                if (profiles.isEmpty() || profiles.stream().anyMatch(variant.profiles::contains)) {
                    active.put(name, service);
                }
            });
            return new Resolved(variant, document, active, result.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) document.getOrDefault("services", Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            out.add(String.valueOf(item));
        }
        return out;
    }

    /**
     * Published ports as {@code [address:]published:target/protocol}, whichever form docker-compose printed them in
     * (it prints "ip:published:target/tcp" strings or {published, target, protocol, host_ip} maps).
     */
    static List<String> ports(Map<String, Object> service) {
        List<String> out = new ArrayList<>();
        Object raw = service.get("ports");
        if (raw == null) {
            return out;
        }
        for (Object port : (List<?>) raw) {
            if (port instanceof Map<?, ?> m) {
                String ip = m.get("host_ip") == null ? "" : m.get("host_ip") + ":";
                Object protocol = m.get("protocol") == null ? "tcp" : m.get("protocol");
                out.add(ip + m.get("published") + ":" + m.get("target") + "/" + protocol);
            } else {
                String text = String.valueOf(port);
                out.add(text.contains("/") ? text : text + "/tcp");
            }
        }
        return out;
    }

    /** A service's environment as docker-compose resolved it (env_file lines merged in, environment winning). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service.get("environment")).forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
        return env;
    }

    /** depends_on in either form (a list means "service_started"). */
    static Map<String, String> dependsOn(Map<String, Object> service) {
        Object raw = service.get("depends_on");
        Map<String, String> out = new LinkedHashMap<>();
        if (raw instanceof List<?> list) {
            list.forEach(name -> out.put(String.valueOf(name), "service_started"));
        } else if (raw instanceof Map<?, ?> deps) {
            deps.forEach((name, spec) -> out.put(String.valueOf(name),
                    String.valueOf(map(spec).getOrDefault("condition", "service_started"))));
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Runs the real tools; a missing one fails the test with how to install it. */
    static final class Tools {

        static final String DOCKER_COMPOSE = "docker-compose (Debian package docker-compose: apt-get install docker-compose)";
        static final String CADDY = "caddy (Debian package caddy: apt-get install caddy)";
        static final String OPENSSL = "openssl (Debian package openssl)";

        record Result(int exit, String stdout, String stderr) {
        }

        private Tools() {
        }

        static Result run(String tool, List<String> command, Map<String, String> environment) {
            try {
                Path out = Files.createTempFile(workDir(), "out", ".txt");
                Path err = Files.createTempFile(workDir(), "err", ".txt");
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).directory(Repository.root().toFile());
                // Hermetic: a DOMAIN, REPITBOT_VERSION or COMPOSE_PROFILES exported in the shell running the build
                // would win over the env file and change what is checked.
                Map<String, String> inherited = Map.copyOf(builder.environment());
                builder.environment().clear();
                for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
                    if (inherited.containsKey(keep)) {
                        builder.environment().put(keep, inherited.get(keep));
                    }
                }
                builder.environment().putAll(environment);
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    throw new AssertionError(command.get(0) + " is needed for this test and could not be run: "
                            + tool + " (" + e.getMessage() + ")", e);
                }
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
