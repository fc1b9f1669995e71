package ru.repitbot.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.repitbot.deploy.compose.Compose.DEPLOYABLES;
import static ru.repitbot.deploy.compose.Compose.environment;
import static ru.repitbot.deploy.compose.Compose.map;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.config.env.DeploymentMode;
import ru.repitbot.config.env.ProductionGuard;
import ru.repitbot.deploy.Repository;
import ru.repitbot.deploy.compose.Compose.Tools;
import ru.repitbot.deploy.compose.Compose.Variant;

/**
 * Secrets from files, end to end without a container engine: {@code secrets.sh} generates every file the compose
 * files name, then each deployable of compose.prod.yml starts its Spring environment exactly as in its container —
 * the resolved environment of its service, its own {@code application.yml}, and the secrets compose would mount for
 * it, under their target names, in the directory {@code SPRING_CONFIG_IMPORT}'s config tree reads. Every secret must
 * arrive under the seed's name, trimmed, where the service reads it, and the production guard must let it start.
 */
class ComposeSecretsTest {

    private static final String CONFIGTREE = "optional:configtree:/run/secrets/";
    private static final String TOKEN = "123456789:test-token-from-botfather";
    private static Path secrets;

    @BeforeAll
    static void generate() throws IOException {
        secrets = Compose.workDir().resolve("secrets");
        Tools.Result result = Tools.run(Tools.OPENSSL,
                List.of("bash", Repository.path(Compose.DIR).resolve("secrets.sh").toString(), secrets.toString()),
                Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "ALERT_SMTP_PASSWORD", "smtp-password"));
        assertThat(result.exit()).as("secrets.sh failed:\n%s%s", result.stdout(), result.stderr()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"STAGING", "PROD"})
    void secretsShWritesEveryFileTheComposeFilesMount(Variant variant) throws IOException {
        Map<String, Object> declared = map(Compose.resolve(variant).document().get("secrets"));
        assertThat(declared).isNotEmpty();
        for (var entry : declared.entrySet()) {
            Path file = Path.of(String.valueOf(map(entry.getValue()).get("file")));
            assertThat(file).as("secret %s", entry.getKey()).isEqualTo(secrets.resolve(entry.getKey()));
            assertThat(Files.readString(file)).as("secret %s", entry.getKey()).isNotBlank();
        }
    }

    @Test
    void secretsShKeepsWhatExistsAndWritesKeysTheServicesAccept() throws Exception {
        Map<String, String> before = contents(secrets);
        Tools.Result again = Tools.run(Tools.OPENSSL,
                List.of("bash", Repository.path(Compose.DIR).resolve("secrets.sh").toString(), secrets.toString()),
                Map.of());
        assertThat(again.exit()).isZero();
        assertThat(contents(secrets)).as("a second run changes nothing").isEqualTo(before);

        // auth-service's JWT_PRIVATE_KEY: an unencrypted PKCS#8 RSA key of at least 2048 bits (PemKeys' rules).
        String pem = before.get("jwt_private_key");
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(key.getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        assertThat(key.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        // user-service's rule for ADMIN_ACCESS_CODE
        assertThat(before.get("admin_access_code").strip()).matches("[A-Z0-9]{6,10}");
        // Telegram's rule for a webhook secret_token
        assertThat(before.get("telegram_webhook_secret").strip()).matches("[A-Za-z0-9_-]{1,256}");
        assertThat(Files.getPosixFilePermissions(secrets)).as("the directory is private")
                .allMatch(p -> p.name().startsWith("OWNER"));
    }

    @Test
    void everyProdDeployableFindsItsSecretsWhereItReadsThem() throws IOException {
        Map<String, Map<String, Object>> services = Compose.resolve(Variant.PROD).services();
        for (String name : DEPLOYABLES.keySet()) {
            Map<String, Object> service = services.get(name);
            Path mounted = mount(name, service);
            Map<String, String> files = contents(mounted);
            try (ConfigurableApplicationContext context = start(name, service, mounted)) {
                ConfigurableEnvironment env = context.getEnvironment();
                assertThat(DeploymentMode.isProduction(env)).as(name).isTrue();
                assertThat(DeploymentMode.missingSecrets(env)).as("%s lacks secrets", name).isEmpty();
                // A one-line value arrives without the file's line break (Boot trims it); a PEM arrives as written
                // (its reader strips it).
                files.forEach((target, value) -> assertThat(env.getProperty(target))
                        .as("%s reads %s from its file", name, target).isNotBlank()
                        .isEqualTo(value.strip().contains("\n") ? value : value.stripTrailing()));
                String own = ComposeFilesTest.prefix(name) + "_SECRET_KEY";
                assertThat(files).as("%s gets its own client secret", name).containsKey(own);
                String schema = env.getProperty("repitbot.database.schema");
                if (schema != null) {
                    assertThat(env.getProperty("spring.datasource.url"))
                            .isEqualTo("jdbc:postgresql://postgres:5432/repitbot?currentSchema=" + schema);
                    assertThat(env.getProperty("spring.datasource.username")).isEqualTo("repitbot");
                    assertThat(env.getProperty("spring.datasource.password")).as("%s database password", name)
                            .isEqualTo(contents(secrets).get("postgres_password").strip());
                } else {
                    assertThat(files).as("%s has no database", name).doesNotContainKey("spring.datasource.password");
                }
                switch (name) {
                    case "user-service" -> {
                        assertThat(env.getProperty("repitbot.secret-key")).isEqualTo(files.get("SECRET_KEY").strip());
                        assertThat(env.getProperty("repitbot.users.admin.access-code"))
                                .isEqualTo(files.get("ADMIN_ACCESS_CODE").strip());
                    }
                    case "auth-service" -> {
                        assertThat(env.getProperty("repitbot.auth.private-key").strip())
                                .startsWith("-----BEGIN PRIVATE KEY-----").endsWith("-----END PRIVATE KEY-----");
                        // auth-service hands out service tokens: it knows every deployable's client secret.
                        DEPLOYABLES.keySet().forEach(client -> assertThat(
                                env.getProperty(ComposeFilesTest.prefix(client) + "_SECRET_KEY"))
                                .as("auth-service knows %s's secret", client).isNotBlank());
                    }
                    case "telegram-bot" -> {
                        assertThat(env.getProperty("repitbot.telegram.token")).isEqualTo(TOKEN);
                        assertThat(env.getProperty("repitbot.bot.client-secret"))
                                .isEqualTo(files.get("TELEGRAM_BOT_SECRET_KEY").strip());
                        assertThat(env.getProperty("repitbot.telegram.webhook-secret"))
                                .isEqualTo(files.get("TELEGRAM_WEBHOOK_SECRET").strip());
                        assertThat(env.getProperty("repitbot.telegram.webhook-url"))
                                .isEqualTo("https://" + Compose.DOMAIN + "/telegram/webhook");
                    }
                    case "notification-service" ->
                        assertThat(env.getProperty("repitbot.telegram.token")).isEqualTo(TOKEN);
                    default -> {
                        // the client secret and the database, checked above
                    }
                }
                // Least privilege: only auth-service sees other deployables' client secrets, only user-service
                // the installation's SECRET_KEY.
                if (!name.equals("auth-service")) {
                    assertThat(files.keySet().stream().filter(f -> f.endsWith("_SECRET_KEY") && !f.equals(own)
                            && !f.equals("SECRET_KEY"))).as("%s sees other clients' secrets", name).isEmpty();
                }
                if (!name.equals("user-service")) {
                    assertThat(files).as(name).doesNotContainKeys("SECRET_KEY", "ADMIN_ACCESS_CODE");
                }
            }
        }
    }

    @Test
    void withoutItsSecretFilesAProductionDeployableRefusesToStart() throws IOException {
        Map<String, Object> service = Compose.resolve(Variant.PROD).services().get("user-service");
        Path empty = Files.createDirectories(Compose.workDir().resolve("run-secrets-empty"));
        assertThatThrownBy(() -> start("user-service", service, empty).close())
                .isInstanceOf(ProductionGuard.MissingProductionSecretException.class)
                .hasMessageContaining("USER_SERVICE_SECRET_KEY").hasMessageContaining("SECRET_KEY");
    }

    /** What compose mounts at /run/secrets/ in the deployable's container: each source file under its target name. */
    private static Path mount(String name, Map<String, Object> service) throws IOException {
        Path dir = Files.createDirectories(Compose.workDir().resolve("run-secrets").resolve(name));
        for (Object entry : (List<?>) service.getOrDefault("secrets", List.of())) {
            Map<String, Object> secret = map(entry);
            String source = String.valueOf(secret.get("source"));
            String target = String.valueOf(secret.getOrDefault("target", source));
            Files.copy(secrets.resolve(source), dir.resolve(target),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** The deployable's Spring environment as its container would build it (no beans: configuration only). */
    private static ConfigurableApplicationContext start(String name, Map<String, Object> service, Path secretsDir) {
        Map<String, Object> containerEnv = new LinkedHashMap<>(environment(service));
        assertThat(containerEnv).containsEntry("SPRING_CONFIG_IMPORT", CONFIGTREE);
        containerEnv.put("SPRING_CONFIG_IMPORT", "optional:configtree:" + secretsDir + "/");
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        containerEnv));
            }
        };
        // The service's application.yml, below the environment as in the real start.
        environment.getPropertySources().addLast(new PropertiesPropertySource("application.yml", applicationYml(name)));
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setEnvironment(environment);
        return application.run();
    }

    private static Properties applicationYml(String name) {
        String module = name.endsWith("-service") ? "services/" + name : name;
        Path file = Repository.path(module).resolve("src/main/resources/application.yml");
        Properties properties = new Properties();
        for (Object document : new Yaml().loadAll(Compose.read(file))) {
            flatten("", document, properties);
        }
        assertThat(properties.getProperty("spring.application.name")).as(file.toString()).isEqualTo(name);
        return properties;
    }

    private static void flatten(String prefix, Object node, Properties out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (node != null) {
            out.setProperty(prefix, String.valueOf(node));
        }
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            out.put(f.getFileName().toString(), Files.readString(f));
        }
        return out;
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
