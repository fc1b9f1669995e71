package ru.repitbot.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.repitbot.deploy.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's image as an operator gets it: built by Jib (the root pom's configuration, profile "images") on the
 * locally made base (infrastructure/images/build-base.sh), unpacked layer by layer into a root filesystem, checked
 * for what an operator relies on, and started from those layers with the image's own entrypoint, user and
 * environment — as a container runtime would, with unshare and chroot instead of an engine. It must answer
 * {@code /readyz} and {@code /health} against the real PostgreSQL and RabbitMQ, and its health check command must
 * say so.
 */
class UserServiceImageTest {

    static final String MODULE = "services/user-service";
    static final int IMAGE_PORT = 8001;
    static final int NONROOT = 65532;

    @TempDir
    static Path work;

    static OciImage image;
    static Path rootfs;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        assertThat(Commands.run(List.of("id", "-u"), work, 10).trim())
                .as("starting the image from its layers (chroot, mount namespaces) needs root").isEqualTo("0");
        Commands.require("debootstrap", "debootstrap");
        Commands.require("unshare", "util-linux");
        Commands.require("tar", "tar");
        Path root = Repository.root();

        // The base: made once per version of its script, then taken from the cache (minutes the first time).
        String baseOutput = Commands.run(List.of("bash", "infrastructure/images/build-base.sh"), root, 1500);
        String[] lines = baseOutput.strip().split("\n");
        Path base = Path.of(lines[lines.length - 1].strip());
        assertThat(base).isRegularFile();

        // The image as `./mvnw -Pimages package` builds it, for user-service and what it depends on (their jars:
        // Jib layers jars, not class directories). Inside ./mvnw verify, user-service was built a moment ago:
        // its Spring AOT classes are in target/classes, and process-aot (a minute) is not run again.
        Path tar = root.resolve(MODULE).resolve("target/jib-image.tar");
        Files.deleteIfExists(tar);
        List<String> build = new ArrayList<>(List.of("./mvnw", "-B", "-q", "-ntp", "-Pimages", "-pl", MODULE, "-am",
                "package", "-DskipTests", "-Denforcer.skip", "-Dcyclonedx.skip", "-Dimage.base=tar://" + base));
        // Not skipped: repackage, since the modules after this one (tests/e2e) start user-service's boot jar.
        String aotInitializer = "ru/repitbot/user/UserServiceApplication__ApplicationContextInitializer.class";
        if (Files.exists(root.resolve(MODULE).resolve("target/classes").resolve(aotInitializer))) {
            build.add("-Dspring-boot.aot.skip");
        }
        Commands.run(build, root, 900);
        assertThat(tar).isRegularFile();

        image = OciImage.unpack(tar, work.resolve("image"));
        rootfs = work.resolve("rootfs");
        image.extractRootfs(rootfs);
    }

    @Test
    void configurationIsWhatAnOperatorReliesOn() throws Exception {
        JsonNode container = image.container();
        assertThat(container.get("User").asString()).isEqualTo(NONROOT + ":" + NONROOT);
        assertThat(container.get("ExposedPorts").has(IMAGE_PORT + "/tcp")).isTrue();
        assertThat(container.get("Volumes").has("/var/lib/repitbot")).isTrue();
        assertThat(image.envValue("PORT")).isEqualTo(String.valueOf(IMAGE_PORT));
        assertThat(image.envValue("BIND_ADDRESS")).isEqualTo("0.0.0.0");
        assertThat(image.envValue("JAVA_HOME")).isEqualTo("/opt/java/openjdk");

        // The launcher's JVM settings, Spring AOT on, the heap from the container's memory limit.
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true");
        assertThat(entrypoint.getLast()).isEqualTo("ru.repitbot.user.UserServiceApplication");

        // OCI labels: the revision is the commit built; the times are fixed, so a rebuild gives the same digest.
        JsonNode labels = container.get("Labels");
        assertThat(labels.get("org.opencontainers.image.title").asString()).isEqualTo("user-service");
        assertThat(labels.get("org.opencontainers.image.version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(labels.get("org.opencontainers.image.source").asString()).startsWith("https://");
        assertThat(labels.get("org.opencontainers.image.licenses").asString()).isNotBlank();
        String head = Commands.run(List.of("git", "rev-parse", "HEAD"), Repository.root(), 10).strip();
        assertThat(labels.get("org.opencontainers.image.revision").asString()).isEqualTo(head);
        assertThat(labels.get("org.opencontainers.image.created").asString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(image.config().get("created").asString()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void theServiceUserCanWriteOnlyWhereItShould() throws Exception {
        assertThat(rootfs.resolve("opt/java/openjdk/bin/java")).isExecutable();
        assertThat(rootfs.resolve("app/jib-classpath-file")).isRegularFile();
        assertThat(mode(rootfs.resolve("opt/repitbot/bin/healthcheck"))).isEqualTo(0755);
        assertThat(owner(rootfs.resolve("opt/repitbot/bin/healthcheck"))).isZero();
        assertThat(writableByNonroot(rootfs.resolve("var/lib/repitbot"))).as("the data volume").isTrue();
        assertThat(writableByNonroot(rootfs.resolve("tmp"))).as("/tmp").isTrue();
        assertThat(rootfs.resolve("var/lib/repitbot/.keep")).doesNotExist();

        // Every file and directory the service user could change but does not own: only the scratch directories.
        List<String> writable = new ArrayList<>();
        try (Stream<Path> all = Files.walk(rootfs)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p) || owner(p) == NONROOT || !writableByNonroot(p)) {
                    continue;
                }
                String inImage = "/" + rootfs.relativize(p);
                boolean sticky = (mode(p) & 01000) != 0;
                if (!(sticky && Files.isDirectory(p)) && !inImage.equals("/var/lib/repitbot")) {
                    writable.add(inImage + " " + Integer.toOctalString(mode(p)));
                }
            }
        }
        assertThat(writable).as("files owned by root (or another user) that uid %d could change", NONROOT).isEmpty();
        // Nothing of the application or the runtime is the service user's own either.
        try (Stream<Path> app = Stream.concat(Files.walk(rootfs.resolve("app")), Files.walk(rootfs.resolve("opt")))) {
            assertThat(app.filter(p -> owner(p) == NONROOT).map(Path::toString).toList()).isEmpty();
        }
    }

    @Test
    void theServiceStartsFromItsLayersAndIsHealthy() throws Exception {
        int port = freePort();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = "repitbot_image_" + suffix;
        String prefix = "imagetest-" + suffix;
        try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            db.createStatement().execute("CREATE DATABASE " + database);
        }
        // What a container runtime provides: device nodes, the host's name resolution.
        prepareRuntimeFiles();
        Map<String, String> env = new HashMap<>();
        for (String e : image.env()) {
            env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        // As ./repitbot gives it in development, on ports and names of this test's own.
        env.put("PORT", String.valueOf(port));
        env.put("ENVIRONMENT", "development");
        env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
        env.put("MESSAGE_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672");
        env.put("MESSAGE_EXCHANGE", prefix);
        env.put("MESSAGE_QUEUE_PREFIX", prefix);
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("SECRET_KEY", UUID.randomUUID().toString());
        env.put("USER_SERVICE_SECRET_KEY", UUID.randomUUID().toString());
        env.put("ADMIN_ACCESS_CODE", suffix.substring(0, 8).toUpperCase());
        env.put("AUTH_SERVICE_URL", "http://127.0.0.1:9");

        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child",
                // unshare mounts /proc after it changed the root: the path is the one inside the image.
                "--root=" + rootfs, "--mount-proc=/proc",
                "--wd=" + image.container().get("WorkingDir").asString(),
                "--setgid=" + NONROOT, "--setuid=" + NONROOT, "/usr/bin/env", "-i"));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(image.entrypoint());
        Path log = work.resolve("user-service.log");
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> ready = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline) && service.isAlive()) {
                ready = get(http, port, "/readyz");
                if (ready != null && ready.statusCode() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(ready).as("/readyz of the service started from the image; its log:\n%s",
                    Commands.tail(log)).isNotNull();
            assertThat(ready.statusCode()).as("/readyz; log:\n%s", Commands.tail(log)).isEqualTo(200);
            HttpResponse<String> health = get(http, port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.builder().build().readTree(health.body()).get("status").asString()).isEqualTo("UP");

            // It runs as the image's user, not as root.
            long javaPid = service.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElseThrow().pid();
            List<String> status = Files.readAllLines(Path.of("/proc/" + javaPid + "/status"));
            assertThat(status).contains("Uid:\t65532\t65532\t65532\t65532", "Gid:\t65532\t65532\t65532\t65532");
            assertThat(status.stream().filter(l -> l.startsWith("Groups:")).findFirst().orElseThrow().substring(7))
                    .as("supplementary groups").isBlank();

            // The image's health check command, inside the image, as its user: 0 now, 1 where nothing answers.
            assertThat(healthcheck(port)).as("healthcheck on the service's port").isZero();
            assertThat(healthcheck(freePort())).as("healthcheck where nothing listens").isEqualTo(1);
        } finally {
            // The JVM (its namespace's first process) is stopped as a runtime stops a container: TERM, then KILL.
            service.descendants().forEach(ProcessHandle::destroy);
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly().waitFor();
            }
            cleanUp(database, prefix);
        }
    }

    @AfterAll
    static void removeDevices() throws IOException {
        // Device nodes are not left in a temp dir JUnit deletes (nothing else of ours lingers: no mounts outlive
        // the namespaces).
        if (rootfs != null) {
            try (Stream<Path> dev = Files.list(rootfs.resolve("dev"))) {
                for (Path p : (Iterable<Path>) dev::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int healthcheck(int port) throws Exception {
        return Commands.exitCode(List.of("unshare", "--root=" + rootfs, "--setgid=" + NONROOT,
                "--setuid=" + NONROOT, "/usr/bin/env", "-i", "PORT=" + port, "/opt/repitbot/bin/healthcheck"),
                work, 30);
    }

    private static void prepareRuntimeFiles() throws Exception {
        Path dev = rootfs.resolve("dev");
        Files.createDirectories(dev);
        String[][] nodes = {{"null", "1", "3"}, {"zero", "1", "5"}, {"random", "1", "8"}, {"urandom", "1", "9"}};
        for (String[] node : nodes) {
            if (!Files.exists(dev.resolve(node[0]), LinkOption.NOFOLLOW_LINKS)) {
                Commands.run(List.of("mknod", "-m", "666", dev.resolve(node[0]).toString(), "c", node[1], node[2]),
                        work, 10);
            }
        }
        for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
            if (Files.exists(Path.of("/" + file))) {
                Files.copy(Path.of("/" + file), rootfs.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void cleanUp(String database, String prefix) throws Exception {
        try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            db.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDelete(prefix + ".user-service");
            channel.queueDelete(prefix + ".user-service.dlq");
            channel.exchangeDelete(prefix + ".user-service.dlx");
            channel.exchangeDelete(prefix);
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static int owner(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether uid 65532 (group 65532, no others) may write it, by its owner, group and mode. */
    private static boolean writableByNonroot(Path p) throws IOException {
        int mode = mode(p);
        int uid = owner(p);
        int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        return uid == NONROOT && (mode & 0200) != 0 || gid == NONROOT && (mode & 0020) != 0 || (mode & 0002) != 0;
    }
}
