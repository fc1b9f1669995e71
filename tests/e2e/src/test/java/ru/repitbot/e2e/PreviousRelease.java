package ru.repitbot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;

/**
 * The upgrade check of issue 12: the e2e stack does not start on an empty database but on one made by the
 * <em>previous release's</em> migrations, so every IT of the suite runs on an upgraded database.
 *
 * <p>The previous release is the commit named in {@code docs/deploy/upgrades.md} (the line
 * {@code Previous release: `<commit>`}; {@code -De2e.previousRelease=<commit>} overrides it, {@code none} turns the
 * preparation off with a message, and {@link UpgradeIT} then fails). For every service of that commit its Flyway
 * migrations ({@code db/migration}) and the shared ones ({@code db/shared} of {@code shared/*}) are taken from git
 * and run with that release's settings (schema from {@code repitbot.database.schema}, locations, out-of-order and
 * create-schemas from its {@code application.yml} over {@code shared/config}'s {@code repitbot-defaults.properties})
 * into the stack's database; {@code ./repitbot up} then starts today's services, which migrate forward from there.
 */
final class PreviousRelease {

    static final String PROPERTY = "e2e.previousRelease";

    private static final Pattern DOC_LINE = Pattern.compile("Previous release: `([0-9a-f]{7,40})`");
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.+\\.sql");

    /** A service's Flyway settings and migration directories in one tree (a release's or today's checkout). */
    record Plan(String service, String schema, List<Path> locations, boolean outOfOrder, boolean createSchemas) {

        /** The versions of the versioned migrations in this plan's locations, as Flyway prints them (1, 0.3). */
        TreeSet<String> versions() {
            TreeSet<String> versions = new TreeSet<>();
            for (Path dir : locations) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(f -> {
                        Matcher m = VERSIONED.matcher(f.getFileName().toString());
                        if (m.matches()) {
                            versions.add(m.group(1).replace('_', '.'));
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return versions;
        }
    }

    /** What the preparation did: the commit, each service's plan and the database time when it was done. */
    record Prepared(String commit, Map<String, Plan> plans, Timestamp finishedAt) {
    }

    private PreviousRelease() {
    }

    /** The release commit to upgrade from, or null when {@code -De2e.previousRelease=none}. */
    static String commit(Path root) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured.equalsIgnoreCase("none") ? null : configured.strip();
        }
        Path doc = root.resolve("docs/deploy/upgrades.md");
        try {
            Matcher m = DOC_LINE.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException(doc + " names no previous release (a line `Previous release: `<commit>``)");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates {@code database} (it must not exist yet) and runs the release's migrations into it, one schema per
     * service; fails with a clear message when the clone lacks the commit (a shallow clone) or PostgreSQL is absent.
     */
    static Prepared prepare(Path root, String commit, String jdbcBase, String user, String password, String database,
            Path work) {
        String full = git(root, "rev-parse", "--verify", "--quiet", commit + "^{commit}");
        if (full == null) {
            String shallow = git(root, "rev-parse", "--is-shallow-repository");
            throw new IllegalStateException("the previous release " + commit + " (docs/deploy/upgrades.md) is not in this"
                    + " clone" + ("true".equals(shallow) ? " (a shallow clone: `git fetch --unshallow`, or check out with"
                    + " fetch-depth 0)" : "") + "; the upgrade check starts the stack on that release's database."
                    + " -D" + PROPERTY + "=none starts it on an empty one (UpgradeIT then fails)");
        }
        Path tree = work.resolve("release-" + commit);
        extract(root, full, tree);
        Map<String, Plan> plans = plans(tree);
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", props);
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the upgrade check needs PostgreSQL at " + jdbcBase + " (it prepares the"
                    + " release's database before `up`; -D" + PROPERTY + "=none skips that): " + e.getMessage(), e);
        }
        for (Plan plan : plans.values()) {
            Flyway.configure()
                    .dataSource(jdbcBase + database, user, password)
                    .schemas(plan.schema())
                    .defaultSchema(plan.schema())
                    .createSchemas(plan.createSchemas())
                    .outOfOrder(plan.outOfOrder())
                    .locations(plan.locations().stream().map(p -> "filesystem:" + p).toArray(String[]::new))
                    .load()
                    .migrate();
        }
        try (Connection c = DriverManager.getConnection(jdbcBase + database, props);
                var statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return new Prepared(full, plans, rs.getTimestamp(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each service's plan in a tree with the layout of the repository ({@code services/<x>/src/main/resources}):
     * its application.yml over shared/config's defaults, as Spring Boot and SeedEnvironmentPostProcessor read them.
     */
    static Map<String, Plan> plans(Path tree) {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(tree.resolve(
                "shared/config/src/main/resources/repitbot-defaults.properties"))) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> sharedDirs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(tree.resolve("shared"))) {
            modules.sorted().map(m -> m.resolve("src/main/resources/db/shared")).filter(Files::isDirectory)
                    .forEach(sharedDirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Plan> plans = new LinkedHashMap<>();
        try (Stream<Path> services = Files.list(tree.resolve("services"))) {
            for (Path service : services.sorted().toList()) {
                Path resources = service.resolve("src/main/resources");
                Path yml = resources.resolve("application.yml");
                if (!Files.exists(yml)) {
                    continue;
                }
                Map<String, Object> config = flatten(yml);
                Object schema = config.get("repitbot.database.schema");
                if (schema == null) {
                    continue; // no database
                }
                String locations = setting(config, defaults, "spring.flyway.locations", "classpath:db/migration");
                List<Path> dirs = new ArrayList<>();
                for (String location : locations.split(",")) {
                    switch (location.strip()) {
                        case "classpath:db/migration" -> dirs.add(resources.resolve("db/migration"));
                        case "classpath:db/shared" -> dirs.addAll(sharedDirs);
                        default -> throw new IllegalStateException(service.getFileName() + ": Flyway location "
                                + location + " is not one PreviousRelease knows (db/migration, db/shared)");
                    }
                }
                dirs.removeIf(d -> !Files.isDirectory(d));
                String name = service.getFileName().toString();
                plans.put(name, new Plan(name, schema.toString(), List.copyOf(dirs),
                        Boolean.parseBoolean(setting(config, defaults, "spring.flyway.out-of-order", "false")),
                        Boolean.parseBoolean(setting(config, defaults, "spring.flyway.create-schemas", "true"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (plans.isEmpty()) {
            throw new IllegalStateException("no service with a database schema under " + tree.resolve("services"));
        }
        return plans;
    }

    private static String setting(Map<String, Object> config, Properties defaults, String key, String fallback) {
        Object value = config.get(key);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(Object::toString).toList());
        }
        return value != null ? value.toString() : defaults.getProperty(key, fallback);
    }

    private static Map<String, Object> flatten(Path yml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(yml)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document instanceof Map<?, ?> map) {
                    flatten("", map, flat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else {
                into.putIfAbsent(key, v);
            }
        });
    }

    private static void extract(Path root, String commit, Path tree) {
        try {
            Files.createDirectories(tree);
            Path tar = tree.resolve("release.tar");
            run(root, List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit, "--",
                    ":(glob)services/*/src/main/resources/application.yml",
                    ":(glob)services/*/src/main/resources/db/migration/**",
                    ":(glob)shared/*/src/main/resources/db/shared/**",
                    "shared/config/src/main/resources/repitbot-defaults.properties"));
            run(tree, List.of("tar", "-xf", tar.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
