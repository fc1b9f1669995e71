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
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.deploy.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards as code: each parses, every panel has a query, every query is valid PromQL (promtool checks
 * them as recording rules), and reads only metrics our deployables expose — the names in {@code exposed-metrics.txt},
 * captured from the real {@code /metrics} of the running stack by tests/e2e MonitoringIT (which also runs every query
 * against a real Prometheus and fails when that list no longer matches).
 */
class DashboardsTest {

    static final Path GRAFANA = Repository.path("infrastructure/monitoring/grafana");
    static final List<String> DASHBOARDS = List.of("overview", "events", "telegram", "business", "jvm");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theFiveDashboardsParseAndEveryPanelHasAQueryOnTheProvisionedDataSource() throws IOException {
        String datasource = provisionedDatasourceUid();
        Set<String> uids = new HashSet<>();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(DASHBOARDS.stream().map(d -> d + ".json").toList());
        }
        for (String name : DASHBOARDS) {
            JsonNode dashboard = JSON.readTree(GRAFANA.resolve("dashboards/" + name + ".json").toFile());
            assertThat(uids.add(dashboard.get("uid").asString())).as("%s: unique uid", name).isTrue();
            assertThat(dashboard.get("title").asString()).startsWith("RepitBot / ");
            int panels = 0;
            for (JsonNode panel : dashboard.get("panels")) {
                if ("row".equals(panel.get("type").asString())) {
                    continue;
                }
                panels++;
                String title = name + " / " + panel.get("title").asString();
                assertThat(panel.get("datasource").get("uid").asString()).as(title).isEqualTo(datasource);
                assertThat(panel.get("targets")).as("%s: queries", title).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.path("expr").asString()).as("%s: query", title).isNotBlank();
                }
            }
            assertThat(panels).as("%s: panels", name).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyQueryIsValidPromqlForPromtool(@TempDir Path dir) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        queries().forEach((where, expr) -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard:query:" + rules.size());
            rule.put("expr", Promql.withGrafanaVariables(expr, "1m"));
            rules.add(rule);
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(dir.resolve("dashboards.yml"), new Yaml(options).dump(
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        Tool.Result check = Tool.PROMTOOL.run(dir, "check", "rules", "dashboards.yml");
        assertThat(check.ok()).as("promtool check rules on the dashboards' queries:\n%s", check.output()).isTrue();
        assertThat(check.output()).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void everyQueryReadsOnlyMetricsOurDeployablesExpose() throws IOException {
        Set<String> exposed = exposedMetrics();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        queries().forEach((where, expr) -> {
            Set<String> missing = new TreeSet<>(Promql.metricNames(expr));
            missing.removeAll(exposed);
            missing.remove("up");
            if (!missing.isEmpty()) {
                unknown.put(where, missing);
            }
        });
        assertThat(unknown).as("metrics no deployable exposes (exposed-metrics.txt)").isEmpty();
    }

    @Test
    void theAlertRulesReadOnlyMetricsOurDeployablesExpose() throws IOException {
        Set<String> exposed = exposedMetrics();
        for (Map<String, Object> alert : AlertingConfigTest.alerts()) {
            Set<String> missing = new TreeSet<>(Promql.metricNames((String) alert.get("expr")));
            missing.removeAll(exposed);
            missing.remove("up");
            assertThat(missing).as("%s reads metrics no deployable exposes", alert.get("alert")).isEmpty();
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDataSourceAndTheDashboardFolder() throws IOException {
        Map<String, Object> providers = new Yaml().load(
                Files.readString(GRAFANA.resolve("provisioning/dashboards/repitbot.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).getFirst();
        assertThat(provider).containsEntry("type", "file").containsEntry("folder", "RepitBot");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) provider.get("options");
        assertThat(options.get("path")).isEqualTo("/var/lib/grafana/dashboards/repitbot");
        assertThat(provisionedDatasourceUid()).isEqualTo("repitbot-prometheus");
    }

    /** Every panel query of every dashboard: "dashboard / panel / refId" → expression (Grafana variables kept). */
    static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String name : DASHBOARDS) {
            JsonNode dashboard = JSON.readTree(GRAFANA.resolve("dashboards/" + name + ".json").toFile());
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(name + " / " + panel.get("title").asString() + " / " + target.get("refId").asString(),
                            target.get("expr").asString());
                }
            }
        }
        return queries;
    }

    static Set<String> exposedMetrics() throws IOException {
        try (var in = DashboardsTest.class.getResourceAsStream("exposed-metrics.txt")) {
            assertThat(in).as("exposed-metrics.txt beside this class").isNotNull();
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip().split("\\s+")[0]);
                }
            }
            return names;
        }
    }

    private static String provisionedDatasourceUid() throws IOException {
        Map<String, Object> datasources = new Yaml().load(
                Files.readString(GRAFANA.resolve("provisioning/datasources/prometheus.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> prometheus = ((List<Map<String, Object>>) datasources.get("datasources")).getFirst();
        assertThat(prometheus).containsEntry("type", "prometheus");
        return (String) prometheus.get("uid");
    }
}
