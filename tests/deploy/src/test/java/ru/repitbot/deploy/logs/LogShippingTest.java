package ru.repitbot.deploy.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.deploy.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log path of the monitoring profile, checked against log lines the deployables really write: Filebeat
 * ({@code infrastructure/monitoring/logs/filebeat.yml}) reads Docker's json-file logs, unwraps them and lifts each
 * line's ECS fields to the top of the event, into the daily indices the Kibana data view {@code repitbot-*} covers;
 * the Kibana objects ({@code infrastructure/monitoring/kibana/repitbot-logs.ndjson}) are valid saved objects whose
 * fields exist in those lines.
 *
 * <p>The lines in {@code src/test/resources/logs/captured-lines.ndjson} were copied unchanged from the logs of an
 * e2e run ({@code tests/e2e/target/e2e/logs}: lesson-service while it handled a request and consumed an event, and the
 * gateway's access log). shared/config's JsonLogLinesTest and e2e HealthAndLogsIT keep the services writing these
 * names. No Filebeat binary runs here (Elastic ships none for Debian's archive): its configuration is checked as the
 * YAML Filebeat reads, setting by setting.
 */
class LogShippingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FILEBEAT = Repository.path("infrastructure/monitoring/logs/filebeat.yml");
    private static final Path KIBANA = Repository.path("infrastructure/monitoring/kibana/repitbot-logs.ndjson");
    private static final Path CAPTURED = Repository.path("tests/deploy/src/test/resources/logs/captured-lines.ndjson");

    @Test
    @SuppressWarnings("unchecked")
    void filebeatUnwrapsDockerLinesAndLiftsTheEcsFieldsIntoTheDataViewsIndices() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(FILEBEAT));

        List<Map<String, Object>> inputs = (List<Map<String, Object>>) config.get("filebeat.inputs");
        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input).containsEntry("type", "filestream");
            assertThat((String) input.get("id")).as("filestream inputs need an id").isNotBlank();
            assertThat((List<String>) input.get("paths")).containsExactly("/var/lib/docker/containers/*/*.log");
            List<Map<String, Map<String, Object>>> parsers = (List<Map<String, Map<String, Object>>>) input
                    .get("parsers");
            assertThat(parsers).as("Docker's wrapper first, then the service's JSON").hasSize(2);
            assertThat(parsers.get(0)).containsOnlyKeys("container");
            assertThat(parsers.get(0).get("container")).containsEntry("format", "docker");
            assertThat(parsers.get(1)).containsOnlyKeys("ndjson");
            assertThat(parsers.get(1).get("ndjson")).as("fields at the top, dotted keys as objects (ECS)")
                    .containsEntry("target", "").containsEntry("expand_keys", true)
                    .containsEntry("overwrite_keys", true).containsEntry("message_key", "message");
        });

        List<Map<String, Object>> processors = (List<Map<String, Object>>) config.get("processors");
        assertThat(processors).anySatisfy(p -> assertThat(p).containsKey("add_docker_metadata"));

        Map<String, Object> output = (Map<String, Object>) config.get("output.elasticsearch");
        assertThat((List<String>) output.get("hosts")).isNotEmpty();
        String index = (String) output.get("index");
        String today = index.replace("%{+yyyy.MM.dd}", "2026.12.06");
        assertThat(today).as("a concrete index name").doesNotContain("%{");
        assertThat(config).containsEntry("setup.ilm.enabled", false);
        assertThat(glob((String) config.get("setup.template.pattern")).matcher(today).matches())
                .as("the template %s covers %s", config.get("setup.template.pattern"), today).isTrue();
        assertThat(glob(dataView().path("attributes").path("title").asString()).matcher(today).matches())
                .as("the Kibana data view covers %s", today).isTrue();
    }

    @Test
    void everyCapturedLineHasTheFieldsTheDataViewAndOperatorsRelyOn() throws IOException {
        List<JsonNode> lines = captured();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode line : lines) {
            Set<String> fields = fields(line);
            assertThat(fields).as("%s", line).contains("@timestamp", "log.level", "log.logger", "message",
                    "service.name", "service.environment", "ecs.version");
            assertThat(Instant.parse(value(line, "@timestamp"))).isNotNull();
        }
        assertThat(lines).as("a line written inside a trace and a request").anySatisfy(line -> {
            assertThat(value(line, "trace.id")).matches("[0-9a-f]{32}");
            assertThat(value(line, "span.id")).matches("[0-9a-f]{16}");
        });
        assertThat(lines).as("the gateway's access log").anySatisfy(line -> {
            assertThat(value(line, "service.name")).isEqualTo("api-gateway");
            assertThat(value(line, "http.request.id")).isNotBlank();
            assertThat(value(line, "trace.id")).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void theKibanaObjectsAreSavedObjectsWhoseFieldsTheLinesHave() throws IOException {
        Set<String> fields = new TreeSet<>();
        for (JsonNode line : captured()) {
            fields.addAll(fields(line));
        }
        List<JsonNode> objects = kibanaObjects();
        for (JsonNode object : objects) {
            assertThat(object.path("id").asString()).isNotBlank();
            assertThat(object.path("type").asString()).isIn("index-pattern", "search");
            assertThat(object.path("attributes").isObject()).isTrue();
        }

        JsonNode view = dataView();
        assertThat(view.path("attributes").path("title").asString()).isEqualTo("repitbot-*");
        assertThat(view.path("attributes").path("timeFieldName").asString()).isEqualTo("@timestamp");
        JsonNode formats = JSON.readTree(view.path("attributes").path("fieldFormatMap").asString());
        assertThat(formats.propertyNames()).isSubsetOf(fields);
        assertThat(formats.path("trace.id").path("params").path("urlTemplate").asString())
                .as("a trace id opens the trace in Jaeger (provision.sh puts the address in)")
                .isEqualTo("__JAEGER_URL__/trace/{{value}}");

        List<JsonNode> searches = objects.stream().filter(o -> o.path("type").asString().equals("search")).toList();
        assertThat(searches).isNotEmpty();
        for (JsonNode search : searches) {
            JsonNode attributes = search.path("attributes");
            List<String> columns = new ArrayList<>();
            attributes.path("columns").forEach(c -> columns.add(c.asString()));
            assertThat(columns).isNotEmpty().isSubsetOf(fields);
            attributes.path("sort").forEach(s -> assertThat(s.get(0).asString()).isIn(fields));
            JsonNode source = JSON.readTree(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON")
                    .asString());
            String query = source.path("query").path("query").asString();
            Matcher field = Pattern.compile("([A-Za-z@][\\w.@]*)\\s*:").matcher(query);
            assertThat(field.find()).as("the query %s names a field", query).isTrue();
            do {
                assertThat(field.group(1)).as("a field of %s", query).isIn(fields);
            } while (field.find());
            String ref = source.path("indexRefName").asString();
            assertThat(search.path("references")).anySatisfy(r -> {
                assertThat(r.path("name").asString()).isEqualTo(ref);
                assertThat(r.path("type").asString()).isEqualTo("index-pattern");
                assertThat(r.path("id").asString()).isEqualTo(view.path("id").asString());
            });
        }
    }

    static List<JsonNode> captured() throws IOException {
        return Files.readAllLines(CAPTURED, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(JSON::readTree).toList();
    }

    static List<JsonNode> kibanaObjects() throws IOException {
        return Files.readAllLines(KIBANA, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(JSON::readTree).toList();
    }

    static JsonNode dataView() throws IOException {
        return kibanaObjects().stream().filter(o -> o.path("type").asString().equals("index-pattern")).findFirst()
                .orElseThrow(() -> new AssertionError("no data view in " + KIBANA));
    }

    /** The field names Elasticsearch sees: nested objects and dotted keys alike become dotted paths. */
    static Set<String> fields(JsonNode line) {
        Set<String> fields = new TreeSet<>();
        collect("", line, fields);
        return fields;
    }

    private static void collect(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else {
            into.add(prefix);
        }
    }

    /** A field's value by its dotted path, whether the line nests it or writes the dotted key. */
    static String value(JsonNode line, String path) {
        if (line.has(path)) {
            return line.get(path).asString();
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            JsonNode head = line.get(path.substring(0, dot));
            if (head != null && head.isObject()) {
                String rest = value(head, path.substring(dot + 1));
                if (rest != null) {
                    return rest;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }

    static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }
}
