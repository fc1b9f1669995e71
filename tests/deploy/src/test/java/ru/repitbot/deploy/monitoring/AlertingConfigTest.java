package ru.repitbot.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.deploy.Repository;

/**
 * Prometheus' scrape configurations, alert rules and Alertmanager's routing, checked by the formats' own tools
 * (Debian's promtool and amtool): the configs load, the rules parse, every alert has its unit tests (fires on the bad
 * series, silent on the good) and they pass, and a critical alert reaches the on-call receiver.
 */
class AlertingConfigTest {

    static final Path MONITORING = Repository.path("infrastructure/monitoring");
    static final Path PROMETHEUS = MONITORING.resolve("prometheus");

    /** The deployables and ports of the common contract (docs/architecture, the launcher, compose, Kubernetes). */
    static final Map<String, Integer> DEPLOYABLES = deployables();

    @Test
    void theComposeScrapeConfigLoadsAndScrapesEveryDeployableOnItsOwnPort() throws IOException {
        Tool.Result check = Tool.PROMTOOL.run(PROMETHEUS, "check", "config", "prometheus.yml");
        assertThat(check.ok()).as("promtool check config prometheus.yml:\n%s", check.output()).isTrue();
        assertThat(check.output()).contains("SUCCESS: 4 rule files found");

        Map<String, Object> config = yaml(PROMETHEUS.resolve("prometheus.yml"));
        Map<String, String> targets = new LinkedHashMap<>();
        for (Map<String, Object> job : maps(config.get("scrape_configs"))) {
            if (String.valueOf(job.get("job_name")).startsWith("repitbot")) {
                assertThat(job.getOrDefault("metrics_path", "/metrics")).isEqualTo("/metrics");
                for (Map<String, Object> group : maps(job.get("static_configs"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> labels = (Map<String, String>) group.get("labels");
                    for (Object target : (List<?>) group.get("targets")) {
                        targets.put(labels.get("deployable"), target.toString());
                    }
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        DEPLOYABLES.forEach((name, port) -> expected.put(name, name + ":" + port));
        assertThat(targets).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(yamlText(PROMETHEUS.resolve("prometheus.yml"))).contains("alertmanager:9093");
    }

    @Test
    void theKubernetesScrapeConfigLoadsWithItsPodDiscoveryInPlaceOfAFileOne(@TempDir Path dir) throws IOException {
        // Debian's Prometheus is built without Kubernetes service discovery ("field kubernetes_sd_configs not found"),
        // so promtool checks everything else of the file — relabelling, OAuth2, rule files — with a file discovery in
        // its place; KubernetesRelabelTest runs those relabel rules in a real Prometheus.
        Map<String, Object> config = yaml(PROMETHEUS.resolve("prometheus.kubernetes.yml"));
        int podJobs = 0;
        for (Map<String, Object> job : maps(config.get("scrape_configs"))) {
            if (job.containsKey("kubernetes_sd_configs")) {
                assertThat(maps(job.get("kubernetes_sd_configs"))).containsExactly(Map.of("role", "pod"));
                podJobs++;
            }
        }
        assertThat(podJobs).isEqualTo(2);
        Path config2 = KubernetesRelabelTest.withFileDiscovery(dir, "pods.json");
        Files.writeString(dir.resolve("pods.json"), "[]");
        Tool.Result check = Tool.PROMTOOL.run(dir, "check", "config", config2.getFileName().toString());
        assertThat(check.ok()).as("promtool check config (kubernetes, file discovery):\n%s", check.output()).isTrue();
    }

    @Test
    void everyRuleFileParsesAndEveryAlertSaysHowBadWhatAndWhatToDo() throws IOException {
        List<String> files = ruleFiles();
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        args.addAll(files);
        Tool.Result check = Tool.PROMTOOL.run(PROMETHEUS, args.toArray(String[]::new));
        assertThat(check.ok()).as("promtool check rules:\n%s", check.output()).isTrue();

        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts).extracting(a -> a.get("alert")).as("the alerts of issue 12").contains(
                "RepitbotServiceDown", "RepitbotHigh5xxRate", "RepitbotHighLatencyP99", "RepitbotOutboxStuck",
                "RepitbotDeadLetters", "RepitbotConsumerLag", "RepitbotTelegramThrottled", "RepitbotPeopleUnreachable",
                "RepitbotRemindersLate", "RepitbotJvmHeapHigh", "RepitbotDatabasePoolExhausted");
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(alert.get("for")).as("%s: for", name).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            assertThat(labels.get("severity")).as("%s: severity", name).isIn("critical", "warning");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            assertThat(annotations).as("%s: annotations", name).containsKeys("summary", "description", "runbook");
            annotations.values().forEach(v -> assertThat(v).as("%s: annotation", name).isNotBlank());
        }
    }

    @Test
    void everyAlertHasUnitTestsWhereItFiresAndWhereItStaysSilentAndTheyPass() throws IOException {
        List<String> tests;
        try (Stream<Path> files = Files.list(PROMETHEUS.resolve("tests"))) {
            tests = files.map(p -> "tests/" + p.getFileName()).filter(n -> n.endsWith(".test.yml")).sorted().toList();
        }
        assertThat(tests).isNotEmpty();
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(tests);
        Tool.Result run = Tool.PROMTOOL.run(PROMETHEUS, args.toArray(String[]::new));
        assertThat(run.ok()).as("promtool test rules:\n%s", run.output()).isTrue();
        assertThat(run.output()).doesNotContain("FAILED");

        Set<String> fires = new HashSet<>();
        Set<String> silent = new HashSet<>();
        Set<String> testedFiles = new HashSet<>();
        for (String test : tests) {
            Map<String, Object> file = yaml(PROMETHEUS.resolve(test));
            for (Object rules : (List<?>) file.get("rule_files")) {
                testedFiles.add(PROMETHEUS.resolve("tests").resolve(rules.toString()).normalize().toString());
            }
            for (Map<String, Object> group : maps(file.get("tests"))) {
                for (Map<String, Object> check : maps(group.get("alert_rule_test"))) {
                    List<?> expected = (List<?>) check.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? silent : fires).add((String) check.get("alertname"));
                }
            }
        }
        for (String rules : ruleFiles()) {
            assertThat(testedFiles).as("a test file loads %s", rules)
                    .contains(PROMETHEUS.resolve(rules).normalize().toString());
        }
        for (Map<String, Object> alert : alerts()) {
            assertThat(fires).as("a test where %s fires", alert.get("alert")).contains((String) alert.get("alert"));
            assertThat(silent).as("a test where %s stays silent", alert.get("alert"))
                    .contains((String) alert.get("alert"));
        }
    }

    @Test
    void alertmanagerLoadsItsConfigAndRoutesEverySeverityTheRulesUse() throws IOException {
        Path dir = MONITORING.resolve("alertmanager");
        Tool.Result check = Tool.AMTOOL.run(dir, "check-config", "alertmanager.yml");
        assertThat(check.ok()).as("amtool check-config:\n%s", check.output()).isTrue();

        Map<String, String> expected = Map.of("critical", "oncall,team-email", "warning", "team-email");
        Set<String> used = new HashSet<>();
        for (Map<String, Object> alert : alerts()) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            used.add(labels.get("severity"));
        }
        assertThat(expected.keySet()).containsAll(used);
        for (var route : expected.entrySet()) {
            Tool.Result routed = Tool.AMTOOL.run(dir, "config", "routes", "test", "--config.file=alertmanager.yml",
                    "--verify.receivers=" + route.getValue(), "severity=" + route.getKey(),
                    "alertname=RepitbotServiceDown");
            assertThat(routed.ok()).as("severity=%s goes to %s:\n%s", route.getKey(), route.getValue(),
                    routed.output()).isTrue();
        }
    }

    static List<String> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules"))) {
            return files.map(p -> "rules/" + p.getFileName()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
    }

    static List<Map<String, Object>> alerts() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (String file : ruleFiles()) {
            for (Map<String, Object> group : maps(yaml(PROMETHEUS.resolve(file)).get("groups"))) {
                for (Map<String, Object> rule : maps(group.get("rules"))) {
                    if (rule.containsKey("alert")) {
                        alerts.add(rule);
                    }
                }
            }
        }
        return alerts;
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    static String yamlText(Path file) throws IOException {
        return Files.readString(file);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    private static Map<String, Integer> deployables() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[] names = {"api-gateway", "user-service", "auth-service", "lesson-service", "homework-service",
            "payment-service", "notification-service", "material-service", "analytics-service", "achievement-service",
            "scheduler-service", "telegram-bot"};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], 8000 + i);
        }
        return m;
    }
}
