package ru.repitbot.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.repitbot.deploy.kubernetes.NetworkPolicies.Peer;
import ru.repitbot.deploy.kubernetes.NetworkPolicies.Target;

/**
 * infrastructure/kubernetes rendered by kustomize (each overlay, as an operator would apply it) and checked: every
 * object valid for the Kubernetes API, and the rules of the README over what was rendered — twelve deployables with
 * probes, resources and a locked-down security context, autoscalers and disruption budgets, network policies that
 * let in only what should come in, and nothing exposed but through the Ingress.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    /** The twelve deployables and their ports (the contract every part of issue 12 shares). */
    static final Map<String, Integer> DEPLOYABLES = ports();

    /** Scaled by hand, never by CPU: Quartz's cluster and the bot's webhook want a fixed two. */
    static final Set<String> FIXED_REPLICAS = Set.of("scheduler-service", "telegram-bot");

    record Overlay(String dir, String namespace, String environment, String host) {
    }

    static final Map<String, Overlay> OVERLAYS = Map.of(
            "staging", new Overlay("overlays/staging", "repitbot-staging", "staging", "staging.repitbot.example.org"),
            "prod", new Overlay("overlays/prod", "repitbot", "production", "repitbot.example.org"),
            "in-cluster-backing", new Overlay("overlays/in-cluster-backing", "repitbot-try", "staging",
                    "staging.repitbot.example.org"));

    @TempDir
    static Path work;

    private final Map<String, List<Map<String, Object>>> rendered = new HashMap<>();

    @BeforeAll
    void render() {
        Path copy = Kustomize.workingCopy(work.resolve("kubernetes"));
        OVERLAYS.forEach((name, overlay) ->
                rendered.put(name, Kustomize.render(copy.resolve(overlay.dir())).objects()));
    }

    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        String[] names = {"api-gateway", "user-service", "auth-service", "lesson-service", "homework-service",
            "payment-service", "notification-service", "material-service", "analytics-service",
            "achievement-service", "scheduler-service", "telegram-bot"};
        for (int i = 0; i < names.length; i++) {
            ports.put(names[i], 8000 + i);
        }
        return ports;
    }

    private List<Map<String, Object>> objects(String overlay) {
        return rendered.get(overlay);
    }

    private List<Map<String, Object>> ofKind(String overlay, String kind) {
        return objects(overlay).stream().filter(o -> kind.equals(Fields.kind(o))).toList();
    }

    private Map<String, Object> one(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(o -> name.equals(Fields.name(o))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    private Map<String, Object> generated(String overlay, String kind, String prefix) {
        List<Map<String, Object>> found = ofKind(overlay, kind).stream()
                .filter(o -> Fields.name(o).startsWith(prefix + "-")).toList();
        assertThat(found).as("%s: one %s generated as %s-<hash>", overlay, kind, prefix).hasSize(1);
        return found.getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void everyRenderedObjectIsValidForTheKubernetesApi(String overlay) {
        List<String> refused = new ArrayList<>();
        for (Map<String, Object> object : objects(overlay)) {
            try {
                ApiSchemas.validate(object);
            } catch (IllegalArgumentException e) {
                refused.add(e.getMessage());
            }
        }
        assertThat(objects(overlay)).hasSizeGreaterThan(40);
        assertThat(refused).as("objects refused by their API schema").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void twelveDeployablesEachWithProbesResourcesAndALockedDownContainer(String overlay) {
        List<Map<String, Object>> deployments = ofKind(overlay, "Deployment");
        assertThat(deployments).extracting(Fields::name).containsExactlyInAnyOrderElementsOf(DEPLOYABLES.keySet());
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : deployments) {
            problems.addAll(DeploymentRules.violations(d, DEPLOYABLES.get(Fields.name(d))));
        }
        assertThat(problems).isEmpty();

        String tag = overlay.equals("prod") ? "0.1.0" : "latest";
        for (Map<String, Object> d : deployments) {
            assertThat(Fields.list(d, "spec.template.spec.containers").getFirst().get("image"))
                    .isEqualTo("ghcr.io/repitbot/" + Fields.name(d) + ":" + tag);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void settingsComeFromTheConfigMapAndOnlyTheNeededSecrets(String overlay) {
        Map<String, Object> config = generated(overlay, "ConfigMap", "repitbot-config");
        Map<String, String> data = Fields.labels(config.get("data"));
        Overlay o = OVERLAYS.get(overlay);
        assertThat(data).containsEntry("ENVIRONMENT", o.environment())
                .containsEntry("BIND_ADDRESS", "0.0.0.0")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75")
                .containsEntry("TELEGRAM_WEBHOOK_URL", "https://" + o.host() + "/telegram/webhook");
        DEPLOYABLES.forEach((name, port) -> {
            if (!name.equals("telegram-bot")) {
                assertThat(data).containsEntry(variable(name) + "_URL", "http://" + name + ":" + port);
            }
        });
        assertThat(data.keySet()).as("no secret in the ConfigMap")
                .noneMatch(k -> k.endsWith("SECRET_KEY") || k.equals("DATABASE_URL") || k.endsWith("_TOKEN"));

        Map<String, Object> secret = generated(overlay, "Secret", "repitbot-secrets");
        Set<String> secretKeys = Fields.labels(secret.get("data")).keySet();
        for (Map<String, Object> d : ofKind(overlay, "Deployment")) {
            String name = Fields.name(d);
            Map<String, Object> container = Fields.list(d, "spec.template.spec.containers").getFirst();
            assertThat(Fields.list(container, "envFrom")).singleElement()
                    .satisfies(ref -> assertThat(Fields.at(ref, "configMapRef.name")).isEqualTo(Fields.name(config)))
                    .satisfies(ref -> assertThat(ref).doesNotContainKey("secretRef"));
            Set<String> fromSecret = new TreeSet<>();
            for (Map<String, Object> env : Fields.list(container, "env")) {
                Map<String, Object> ref = Fields.map(env, "valueFrom.secretKeyRef");
                if (ref.isEmpty()) {
                    continue;
                }
                assertThat(ref.get("name")).as("%s: %s", name, env.get("name")).isEqualTo(Fields.name(secret));
                assertThat(env.get("name")).isEqualTo(ref.get("key"));
                if (!Boolean.TRUE.equals(ref.get("optional"))) {
                    assertThat(secretKeys).as("%s needs %s from the Secret", name, ref.get("key"))
                            .contains((String) ref.get("key"));
                }
                fromSecret.add((String) ref.get("key"));
            }
            // Each deployable's own client secret (production refuses to start without it); another's only for
            // auth-service, which checks them all; the installation's SECRET_KEY only for user-service.
            assertThat(fromSecret).as(name).contains(variable(name) + "_SECRET_KEY");
            Set<String> others = fromSecret.stream()
                    .filter(k -> k.endsWith("_SECRET_KEY") && !k.equals(variable(name) + "_SECRET_KEY"))
                    .collect(Collectors.toSet());
            if (name.equals("auth-service")) {
                assertThat(others).hasSize(DEPLOYABLES.size() - 1);
                assertThat(fromSecret).contains("JWT_PRIVATE_KEY");
            } else {
                assertThat(others).as("%s sees other deployables' secrets", name).isEmpty();
                assertThat(fromSecret).as(name).doesNotContain("JWT_PRIVATE_KEY");
            }
            assertThat(fromSecret.contains("SECRET_KEY")).as(name).isEqualTo(name.equals("user-service"));
            boolean service = name.endsWith("-service");
            assertThat(fromSecret.contains("DATABASE_URL")).as(name).isEqualTo(service);
            assertThat(fromSecret.contains("MESSAGE_BROKER_URL")).as(name).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void statelessDeployablesAutoscaleAndEveryOneHasADisruptionBudget(String overlay) {
        Map<String, Map<String, Object>> hpas = ofKind(overlay, "HorizontalPodAutoscaler").stream()
                .collect(Collectors.toMap(Fields::name, h -> h));
        Map<String, Map<String, Object>> pdbs = ofKind(overlay, "PodDisruptionBudget").stream()
                .collect(Collectors.toMap(Fields::name, p -> p));
        for (Map<String, Object> d : ofKind(overlay, "Deployment")) {
            String name = Fields.name(d);
            Map<String, String> podLabels = Fields.labels(Fields.at(d, "spec.template.metadata.labels"));
            if (FIXED_REPLICAS.contains(name)) {
                assertThat(hpas).as("%s is scaled by hand", name).doesNotContainKey(name);
                assertThat(Fields.at(d, "spec.replicas")).as("%s replicas", name).isEqualTo(2);
            } else {
                Map<String, Object> hpa = hpas.get(name);
                assertThat(hpa).as("%s has an HPA", name).isNotNull();
                assertThat(Fields.map(hpa, "spec.scaleTargetRef"))
                        .containsEntry("kind", "Deployment").containsEntry("name", name);
                int min = (Integer) Fields.at(hpa, "spec.minReplicas");
                int max = (Integer) Fields.at(hpa, "spec.maxReplicas");
                assertThat(min).isPositive().isLessThan(max);
                if (overlay.equals("prod")) {
                    assertThat(min).as("%s: prod keeps two replicas at least", name).isGreaterThanOrEqualTo(2);
                }
                assertThat(Fields.at(d, "spec.replicas")).as("%s: the HPA owns replicas", name).isNull();
            }
            Map<String, Object> pdb = pdbs.get(name);
            assertThat(pdb).as("%s has a PodDisruptionBudget", name).isNotNull();
            assertThat(NetworkPolicies.matches(Fields.map(pdb, "spec.selector"), podLabels))
                    .as("%s's PDB selects its pods", name).isTrue();
            assertThat(Fields.at(pdb, "spec.maxUnavailable")).as(name).isEqualTo(1);
        }
        assertThat(hpas.keySet()).allMatch(DEPLOYABLES::containsKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void networkPoliciesLetInOnlyWhatShouldComeIn(String overlay) {
        String ns = OVERLAYS.get(overlay).namespace();
        NetworkPolicies policies = new NetworkPolicies(objects(overlay), ns);
        assertThat(ofKind(overlay, "NetworkPolicy"))
                .as("a default-deny policy: every pod of the namespace, ingress, no rule")
                .anySatisfy(p -> {
                    assertThat(Fields.map(p, "spec.podSelector")).isEmpty();
                    assertThat(Fields.at(p, "spec.policyTypes")).isEqualTo(List.of("Ingress"));
                    assertThat(Fields.at(p, "spec.ingress")).isNull();
                });

        Map<String, Target> targets = new LinkedHashMap<>();
        for (Map<String, Object> workload : objects(overlay)) {
            if (Set.of("Deployment", "StatefulSet").contains(Fields.kind(workload))) {
                Map<String, Integer> named = new HashMap<>();
                for (Map<String, Object> c : Fields.list(workload, "spec.template.spec.containers")) {
                    for (Map<String, Object> p : Fields.list(c, "ports")) {
                        named.put((String) p.get("name"), (Integer) p.get("containerPort"));
                    }
                }
                Target t = new Target(Fields.name(workload),
                        Fields.labels(Fields.at(workload, "spec.template.metadata.labels")), named);
                targets.put(t.name(), t);
                // Every pod is selected by a policy that lets something in: none is left open or left unreachable.
                assertThat(policies.selecting(t.labels()))
                        .as("%s is covered by an allowing NetworkPolicy", t.name())
                        .anyMatch(p -> !Fields.list(p, "spec.ingress").isEmpty());
            }
        }

        Peer ingressController = Peer.inNamespace("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Peer prometheus = Peer.inNamespace("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Peer strangerInNamespace = Peer.inNamespace(ns, Map.of("run", "debug"));
        Peer otherNamespace = Peer.inNamespace("default", Map.of("app.kubernetes.io/component", "service"));
        Peer gateway = pod(targets.get("api-gateway"), ns);
        Peer bot = pod(targets.get("telegram-bot"), ns);

        for (String name : DEPLOYABLES.keySet()) {
            Target t = targets.get(name);
            int port = DEPLOYABLES.get(name);
            boolean edge = name.equals("api-gateway") || name.equals("telegram-bot");
            assertThat(policies.allows(ingressController, t, port)).as("ingress controller -> %s", name)
                    .isEqualTo(edge);
            assertThat(policies.allows(prometheus, t, port)).as("Prometheus scrapes %s", name).isTrue();
            assertThat(policies.allows(prometheus, t, port + 1000)).as("Prometheus, other port, %s", name).isFalse();
            assertThat(policies.allows(strangerInNamespace, t, port)).as("unlabelled pod -> %s", name).isFalse();
            assertThat(policies.allows(otherNamespace, t, port)).as("other namespace -> %s", name).isFalse();
            if (!edge) {
                assertThat(policies.allows(gateway, t, port)).as("gateway -> %s", name).isTrue();
                assertThat(policies.allows(bot, t, port)).as("bot -> %s (it talks to the gateway only)", name)
                        .isFalse();
                for (String caller : DEPLOYABLES.keySet()) {
                    if (caller.endsWith("-service")) {
                        assertThat(policies.allows(pod(targets.get(caller), ns), t, port))
                                .as("%s -> %s", caller, name).isTrue();
                    }
                }
            }
        }
        assertThat(policies.allows(bot, targets.get("api-gateway"), 8000)).as("bot -> gateway").isTrue();
        assertThat(policies.allows(pod(targets.get("lesson-service"), ns), targets.get("telegram-bot"), 8011))
                .as("nothing inside calls the bot").isFalse();

        if (overlay.equals("in-cluster-backing")) {
            Peer lesson = pod(targets.get("lesson-service"), ns);
            assertThat(policies.allows(lesson, targets.get("postgres"), 5432)).isTrue();
            assertThat(policies.allows(lesson, targets.get("rabbitmq"), 5672)).isTrue();
            assertThat(policies.allows(gateway, targets.get("redis"), 6379)).isTrue();
            assertThat(policies.allows(bot, targets.get("redis"), 6379)).isTrue();
            for (String backing : List.of("postgres", "rabbitmq", "redis")) {
                int port = targets.get(backing).namedPorts().values().iterator().next();
                assertThat(policies.allows(strangerInNamespace, targets.get(backing), port)).as(backing).isFalse();
                assertThat(policies.allows(ingressController, targets.get(backing), port)).as(backing).isFalse();
            }
            assertThat(policies.allows(gateway, targets.get("postgres"), 5432)).as("the gateway has no database")
                    .isFalse();
        }
    }

    private static Peer pod(Target target, String namespace) {
        return Peer.inNamespace(namespace, target.labels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void onlyTheIngressExposesAnythingAndItRoutesTheGatewayAndTheWebhook(String overlay) {
        for (Map<String, Object> service : ofKind(overlay, "Service")) {
            assertThat(Fields.at(service, "spec.type")).as(Fields.name(service)).isIn(null, "ClusterIP");
            assertThat(Fields.at(service, "spec.externalIPs")).as(Fields.name(service)).isNull();
        }
        for (Map<String, Object> workload : objects(overlay)) {
            for (Map<String, Object> c : Fields.list(workload, "spec.template.spec.containers")) {
                assertThat(Fields.list(c, "ports")).as(Fields.name(workload))
                        .allSatisfy(p -> assertThat(p).doesNotContainKey("hostPort"));
            }
            assertThat(Fields.at(workload, "spec.template.spec.hostNetwork")).isNull();
        }
        List<Map<String, Object>> ingresses = ofKind(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, Object> ingress = ingresses.getFirst();
        String host = OVERLAYS.get(overlay).host();
        assertThat(Fields.list(ingress, "spec.tls")).singleElement()
                .satisfies(tls -> assertThat(tls.get("hosts")).isEqualTo(List.of(host)))
                .satisfies(tls -> assertThat(tls.get("secretName")).isNotNull());
        List<Map<String, Object>> rules = Fields.list(ingress, "spec.rules");
        assertThat(rules).singleElement().satisfies(r -> assertThat(r.get("host")).isEqualTo(host));
        Map<String, String> routes = new LinkedHashMap<>();
        for (Map<String, Object> path : Fields.list(rules.getFirst(), "http.paths")) {
            routes.put(path.get("pathType") + " " + path.get("path"),
                    Fields.at(path, "backend.service.name") + ":" + Fields.at(path, "backend.service.port.name"));
        }
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Exact /telegram/webhook", "telegram-bot:http",
                "Prefix /", "api-gateway:http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "in-cluster-backing"})
    void everythingLivesInTheOverlaysNamespaceWhichEnforcesTheRestrictedPodStandard(String overlay) {
        String ns = OVERLAYS.get(overlay).namespace();
        Map<String, Object> namespace = one(overlay, "Namespace", ns);
        assertThat(Fields.labels(Fields.at(namespace, "metadata.labels")))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        List<String> refused = new ArrayList<>();
        for (Map<String, Object> object : objects(overlay)) {
            if (Fields.at(object, "spec.template.spec") != null) {
                refused.addAll(RestrictedPodStandard.violations(Fields.kind(object) + " " + Fields.name(object),
                        Fields.map(object, "spec.template.spec")));
            }
        }
        assertThat(refused).as("pods the namespace's Pod Security admission would refuse").isEmpty();
        for (Map<String, Object> object : objects(overlay)) {
            if (!"Namespace".equals(Fields.kind(object))) {
                assertThat(Fields.at(object, "metadata.namespace")).as(Fields.kind(object) + " " + Fields.name(object))
                        .isEqualTo(ns);
            }
        }
    }

    @Test
    void inClusterBackingRunsPostgresRabbitAndRedisOnVolumesAndPointsTheUrlsAtThem() {
        for (String name : List.of("postgres", "rabbitmq", "redis")) {
            Map<String, Object> set = one("in-cluster-backing", "StatefulSet", name);
            assertThat(Fields.list(set, "spec.volumeClaimTemplates")).as(name).isNotEmpty();
            assertThat(Fields.at(set, "spec.template.spec.securityContext.runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(Fields.at(one("in-cluster-backing", "Service", name), "spec.clusterIP")).isEqualTo("None");
        }
        Map<String, String> secret = Fields.labels(generated("in-cluster-backing", "Secret", "repitbot-secrets")
                .get("data"));
        assertThat(decode(secret.get("DATABASE_URL"))).contains("@postgres:5432/");
        assertThat(decode(secret.get("REDIS_URL"))).contains("@redis:6379");
        assertThat(decode(secret.get("MESSAGE_BROKER_URL"))).contains("@rabbitmq:5672");
        assertThat(secret).containsKeys("POSTGRES_PASSWORD", "REDIS_PASSWORD", "RABBITMQ_PASSWORD",
                "SECRET_KEY", "TELEGRAM_BOT_SECRET_KEY");
        assertThat(ofKind("prod", "StatefulSet")).as("prod uses external backing services").isEmpty();
        assertThat(decode(Fields.labels(generated("prod", "Secret", "repitbot-secrets").get("data"))
                .get("DATABASE_URL"))).doesNotContain("@postgres:");
    }

    @Test
    void renderingRefusesWithoutTheOperatorsSecretsFile() throws Exception {
        Path copy = Kustomize.workingCopy(work.resolve("no-secrets"));
        Files.delete(copy.resolve("base/secrets.env"));
        Kustomize.Result result = Kustomize.render(copy.resolve("overlays/prod"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("secrets.env");
    }

    @Test
    void theSecretsExampleNamesEveryKeyADeploymentRequires() throws Exception {
        Set<String> example = Files.readAllLines(Kustomize.SOURCE.resolve("base/secrets.env.example"),
                        StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> d : ofKind("prod", "Deployment")) {
            for (Map<String, Object> env : Fields.list(Fields.list(d, "spec.template.spec.containers").getFirst(),
                    "env")) {
                Object key = Fields.at(env, "valueFrom.secretKeyRef.key");
                if (key != null) {
                    referenced.add((String) key);
                }
            }
        }
        assertThat(example).isEqualTo(referenced);
    }

    private static String variable(String deployable) {
        return deployable.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String decode(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
