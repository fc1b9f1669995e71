package ru.repitbot.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

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
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.CatalogueTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The producer side of the event contracts: the committed schemas are the records' wire form, and every committed
 * consumer declaration (tests/contracts/events) is served by them. A record change that takes away or retypes a
 * field some consumer reads fails here, in the build of the module that owns the records.
 */
class EventContractsTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/events");

    @Test
    void theCommittedSchemasAreTheRecordsWireForm() throws Exception {
        Map<String, JsonNode> generated = EventSchemas.catalogue();
        if (Boolean.getBoolean(EventContracts.WRITE_SCHEMAS)) {
            try (Stream<Path> old = Files.exists(SCHEMAS) ? Files.list(SCHEMAS) : Stream.empty()) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            generated.forEach((type, schema) -> EventContracts.write(file(type), schema));
        }
        List<String> stale = new ArrayList<>();
        generated.forEach((type, schema) -> {
            if (!Files.exists(file(type)) || !EventContracts.read(file(type)).equals(schema)) {
                stale.add(type);
            }
        });
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.map(f -> f.getFileName().toString().replace(".schema.json", ""))
                    .filter(type -> !generated.containsKey(type)).forEach(stale::add);
        }
        assertThat(stale).as("event schemas out of date (a record's wire form changed); run this test with -D"
                + EventContracts.WRITE_SCHEMAS + "=true, check the diff for consumers, commit").isEmpty();
    }

    @Test
    void everyConsumerDeclarationIsServedByTheProducers() {
        assertThat(EventContracts.checkConsumers(EventSchemas.catalogue())).isEmpty();
    }

    @Test
    void declarationsCoverLessonToHomeworkAndPaymentAndUserToTheAccessProjection() {
        Path dir = EventContracts.repositoryRoot().resolve("tests/contracts/events");
        assertThat(EventContracts.read(dir.resolve("payment-service.json")).path("reads").has("lesson.updated"))
                .isTrue();
        assertThat(EventContracts.read(dir.resolve("homework-service.json")).path("reads").has("lesson.cancelled"))
                .isTrue();
        assertThat(EventContracts.read(dir.resolve("access-projection.json")).path("reads").has("user.linked"))
                .isTrue();
    }

    @Test
    void everyPublishedPayloadFitsItsSchema() {
        EventCodec codec = new EventCodec();
        Map<String, JsonNode> schemas = EventSchemas.catalogue();
        CatalogueTest.payloads().forEach(payload -> {
            List<String> problems = new ArrayList<>();
            fits("", codec.toTree(payload), schemas.get(payload.eventType()), problems);
            assertThat(problems).as(payload.toString()).isEmpty();
        });
    }

    @Test
    void aConsumerReadsWhatItsHandlersCall() {
        JsonNode reads = ConsumerReads.declaration(true, "sample", "ru.repitbot.events.contract.sample").path("reads");

        assertThat(reads.propertyNames()).containsExactlyInAnyOrder("lesson.updated", "lesson.cancelled");
        assertThat(reads.path("lesson.updated").propertyNames())
                .containsExactlyInAnyOrder("lesson_id", "changes", "changes.attendance_status");
        assertThat(reads.path("lesson.cancelled").propertyNames())
                .containsExactlyInAnyOrder("topic_moves", "topic_moves[].to_lesson_id");
        assertThat(reads.path("lesson.updated").path("changes.attendance_status").path("properties")
                .path("new").path("enum")).isNotEmpty();
    }

    @Test
    void aProducerChangeThatBreaksAConsumerIsFound() {
        JsonNode declaration = ConsumerReads.declaration(true, "sample", "ru.repitbot.events.contract.sample");
        assertThat(EventContracts.incompatibilities(declaration, EventSchemas.catalogue())).isEmpty();

        Map<String, JsonNode> removed = copy();
        ((ObjectNode) removed.get("lesson.cancelled").path("properties").path("topic_moves").path("items")
                .path("properties")).remove("to_lesson_id");
        assertThat(EventContracts.incompatibilities(declaration, removed))
                .containsExactly("sample: lesson.cancelled topic_moves[].to_lesson_id is read but no longer published");

        Map<String, JsonNode> newStatus = copy();
        ((ArrayNode) newStatus.get("lesson.updated").path("properties").path("changes").path("properties")
                .path("attendance_status").path("properties").path("new").path("enum")).add("postponed");
        assertThat(EventContracts.incompatibilities(declaration, newStatus)).singleElement().asString()
                .contains("'postponed'");

        Map<String, JsonNode> nullable = copy();
        ((ObjectNode) nullable.get("lesson.updated").path("properties").path("lesson_id"))
                .putArray("type").add("integer").add("null");
        assertThat(EventContracts.incompatibilities(declaration, nullable)).singleElement().asString()
                .contains("lesson_id: published as");
    }

    private static Map<String, JsonNode> copy() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        EventSchemas.catalogue().forEach((type, schema) -> copy.put(type, schema.deepCopy()));
        return copy;
    }

    /** A small JSON Schema check: types, required and unknown properties, enums, items. */
    private static void fits(String at, JsonNode value, JsonNode schema, List<String> problems) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        String actual = value.isNull() ? "null" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isString() ? "string" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
        if (!types.contains(actual)) {
            problems.add(at + " is " + actual + ", schema says " + types);
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + " = " + value + " is not in " + schema.get("enum"));
            }
        }
        if (value.isObject() && schema.has("properties")) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    problems.add(at + "." + required.asString() + " missing");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode inner = schema.get("properties").get(field.getKey());
                if (inner == null) {
                    problems.add(at + "." + field.getKey() + " is not in the schema");
                } else {
                    fits(at + "." + field.getKey(), field.getValue(), inner, problems);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            value.forEach(item -> fits(at + "[]", item, schema.get("items"), problems));
        }
    }

    private static Path file(String type) {
        return SCHEMAS.resolve(type + ".schema.json");
    }

    static Stream<EventPayload> payloads() {
        return CatalogueTest.payloads();
    }
}
