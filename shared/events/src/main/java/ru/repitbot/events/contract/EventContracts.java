package ru.repitbot.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contracts (docs/architecture/conventions.md, "Events"): the producer side is one JSON Schema per event
 * type ({@code shared/events/src/main/resources/events/<type>.schema.json}, from {@link EventSchemas}); the consumer
 * side one declaration per consumer ({@code tests/contracts/events/<consumer>.json}, from {@link ConsumerReads}).
 * Both are committed and checked by tests: a record whose wire form changed, a consumer whose reads changed, or a
 * producer change that takes away or retypes a field some consumer reads fails the build. Run the tests with
 * {@code -Devents.schemas.write=true} / {@code -Devents.contracts.write=true} to write the files anew.
 */
public final class EventContracts {

    public static final String WRITE_SCHEMAS = "events.schemas.write";
    public static final String WRITE_CONTRACTS = "events.contracts.write";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventContracts() {
    }

    /**
     * The consumer side, run by each consumer's build: its declaration, computed from its compiled code, must be
     * the committed one (or is written with {@code -Devents.contracts.write=true}), and must fit today's schemas.
     *
     * @throws AssertionError naming what differs or what no longer fits
     */
    public static void assertDeclared(String consumer, String... packages) {
        JsonNode computed = ConsumerReads.declaration(consumer, packages);
        Path file = repositoryRoot().resolve("tests/contracts/events").resolve(consumer + ".json");
        if (Boolean.getBoolean(WRITE_CONTRACTS)) {
            write(file, computed);
        } else {
            JsonNode committed = Files.exists(file) ? read(file) : null;
            if (!computed.equals(committed)) {
                throw new AssertionError("What " + consumer + " reads of its events changed: " + file
                        + " is not what its code reads now. Run its tests with -D" + WRITE_CONTRACTS
                        + "=true and commit the file.\nNow:\n" + pretty(computed));
            }
        }
        List<String> problems = incompatibilities(computed, EventSchemas.catalogue());
        if (!problems.isEmpty()) {
            throw new AssertionError(consumer + " reads what the events do not carry:\n" + String.join("\n", problems));
        }
    }

    /** Every committed consumer declaration checked against {@code schemas}; empty when every consumer is served. */
    public static List<String> checkConsumers(Map<String, JsonNode> schemas) {
        Path dir = repositoryRoot().resolve("tests/contracts/events");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                problems.addAll(incompatibilities(read(file), schemas));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** What in {@code declaration} the producers' {@code schemas} no longer give, one line each. */
    public static List<String> incompatibilities(JsonNode declaration, Map<String, JsonNode> schemas) {
        List<String> problems = new ArrayList<>();
        String consumer = declaration.path("consumer").asString();
        for (Map.Entry<String, JsonNode> type : declaration.path("reads").properties()) {
            JsonNode schema = schemas.get(type.getKey());
            if (schema == null) {
                problems.add(consumer + ": subscribes to " + type.getKey() + ", which no producer publishes");
                continue;
            }
            for (Map.Entry<String, JsonNode> field : type.getValue().properties()) {
                String where = consumer + ": " + type.getKey() + " " + field.getKey();
                JsonNode produced = Paths.at(schema, field.getKey());
                if (produced == null) {
                    problems.add(where + " is read but no longer published");
                } else {
                    compatible(where, produced, field.getValue(), problems);
                }
            }
        }
        return problems;
    }

    /** Whether every value the producer may send is one the consumer's record accepts. */
    private static void compatible(String where, JsonNode produced, JsonNode expected, List<String> problems) {
        Set<String> sent = types(produced);
        Set<String> accepted = types(expected);
        if (!accepted.containsAll(sent)) {
            problems.add(where + ": published as " + sent + ", read as " + accepted);
            return;
        }
        if (!Objects.equals(produced.path("format").asString(null), expected.path("format").asString(null))) {
            problems.add(where + ": published with format " + produced.path("format").asString(null)
                    + ", read with format " + expected.path("format").asString(null));
        }
        if (expected.has("enum")) {
            Set<String> known = new HashSet<>();
            expected.get("enum").forEach(v -> known.add(v.isNull() ? null : v.asString()));
            if (!produced.has("enum")) {
                problems.add(where + ": read as one of " + known + ", published as any string");
            } else {
                produced.get("enum").forEach(v -> {
                    String value = v.isNull() ? null : v.asString();
                    if (!known.contains(value)) {
                        problems.add(where + ": may be published as '" + value + "', which the consumer does "
                                + "not know");
                    }
                });
            }
        }
        if (expected.has("properties")) {
            for (Map.Entry<String, JsonNode> property : expected.get("properties").properties()) {
                JsonNode inner = produced.path("properties").get(property.getKey());
                if (inner == null) {
                    problems.add(where + "." + property.getKey() + " is read but no longer published");
                } else {
                    compatible(where + "." + property.getKey(), inner, property.getValue(), problems);
                }
            }
        }
        if (expected.has("items")) {
            JsonNode items = produced.get("items");
            if (items == null) {
                problems.add(where + "[] is read but no longer published");
            } else {
                compatible(where + "[]", items, expected.get("items"), problems);
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    /** The checkout's root: the nearest directory above the working directory that holds {@code tests/contracts}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tests/contracts"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no tests/contracts above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, JsonNode node) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty(node) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
